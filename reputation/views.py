"""Pages of reputation: a person's track record, and how the score is made."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from knowledge.models import UseKind
from platform_.identity.models import User
from reputation.ledger import rules
from reputation.selectors import person_record_visible, person_track_record


@login_required
def person(request: HttpRequest, pk: int) -> HttpResponse:
    """Shown to the person, the people of their firms and administrators; a 404 to anyone else."""
    someone = User.objects.filter(pk=pk, is_active=True).first()
    if someone is None or not person_record_visible(viewer=request.user, person=someone):
        raise Http404
    record = person_track_record(user=someone)
    return render(request, "reputation/person.html", {"record": record, "person_name": str(someone)})


def how(request: HttpRequest) -> HttpResponse:
    rule = rules()
    weights = rule.kind_weights
    return render(
        request,
        "reputation/how.html",
        {
            "rules": rule,
            "ring_percent": round(rule.ring_share * 100),
            "citation": weights.get(UseKind.CITATION, 0),
            "derivation": weights.get(UseKind.DERIVATION, 0),
            "licence": weights.get(UseKind.LICENCE, 0),
        },
    )
