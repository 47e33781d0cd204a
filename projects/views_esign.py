"""Pages of signed IP transfers: the sponsor sends the assignment, each side signs through its link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from platform_ import esign
from platform_.files import file_response
from platform_.identity.middleware import signed_in
from platform_.page_errors import domain_errors
from projects import selectors_esign
from projects.models import Award
from projects.services import esign as services
from projects.views import _project


def _back(pk: int, *args: object, **kwargs: object) -> str:
    return reverse("projects:transfer", args=[pk])


@login_required
def transfer_page(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    transfers = list(selectors_esign.transfers_visible_to(user=request.user, project=project))
    rows = [
        {
            "transfer": transfer,
            "mine": [
                (party, services.sign_path(party))
                for party in selectors_esign.my_parties(user=request.user, transfer=transfer)
            ],
        }
        for transfer in transfers
    ]
    context = {
        "project": project,
        "rows": rows,
        "to_send": selectors_esign.awards_to_transfer(user=request.user, project=project),
        "local": not esign.provider().hosted,
    }
    return render(request, "projects/transfer.html", context)


@login_required
@require_POST
@domain_errors(back=_back)
def transfer_send(request: HttpRequest, pk: int, award_id: int) -> HttpResponse:
    project = _project(request, pk)
    award = Award.objects.filter(project=project, pk=award_id).first()
    if award is None:
        raise Http404
    services.transfer_send(award=award, by=signed_in(request))
    messages.success(request, _("The IP assignment was sent to both sides for signature."))
    return redirect("projects:transfer", pk=pk)


@login_required
@require_POST
@domain_errors(back=_back)
def transfer_refresh(request: HttpRequest, pk: int, award_id: int) -> HttpResponse:
    project = _project(request, pk)
    transfer = selectors_esign.transfer_get(user=request.user, project=project, award_id=award_id)
    if transfer is None:
        raise Http404
    services.transfer_refresh(transfer=transfer, by=signed_in(request))
    return redirect("projects:transfer", pk=pk)


@login_required
@domain_errors(back=_back)
def transfer_sign(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    project = _project(request, pk)
    try:
        party = services.party_from_token(token)
    except Exception as error:
        raise Http404 from error
    if party.transfer.award.project_id != project.pk:
        raise Http404
    if party not in selectors_esign.my_parties(user=request.user, transfer=party.transfer):
        raise Http404  # the link is for the people of the party's firm only
    if request.method == "POST":
        services.transfer_sign(party=party, by=signed_in(request))
        messages.success(request, _("Signed."))
        return redirect("projects:transfer", pk=pk)
    document = party.transfer.documents.order_by("number").first()
    return render(request, "projects/transfer_sign.html", {"project": project, "party": party, "document": document})


@login_required
def transfer_document(request: HttpRequest, pk: int, transfer_id: int, number: int) -> HttpResponseBase:
    project = _project(request, pk)
    document = selectors_esign.document_get(user=request.user, project=project, transfer_id=transfer_id, number=number)
    if document is None:
        raise Http404
    return file_response(
        request, document.file, filename=f"ip-assignment-v{document.number}.pdf", content_type="application/pdf"
    )
