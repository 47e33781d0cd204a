"""Pages of duplicate detection: a submission's flags, and the reviewer's decision on one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from platform_.duplicates import selectors, services
from platform_.identity.middleware import acting_firm
from platform_.page_errors import domain_errors

DONE = {
    "new_version": _("Linked as a new version."),
    "cite": _("Cited."),
    "not_duplicate": _("Marked as not a duplicate."),
}


@login_required
def flags(request: HttpRequest, kind: str, subject_id: int) -> HttpResponse:
    role, shown = selectors.flags_for(user=request.user, firm=acting_firm(request), kind=kind, subject_id=subject_id)
    if role is None:
        raise Http404
    return render(request, "duplicates/flags.html", {"role": role, "flags": shown, "kind": kind})


@login_required
@require_POST
@domain_errors()
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    action = request.POST.get("action", "")
    flag = services.flag_decide(flag_id=pk, by=request.user, firm=acting_firm(request), action=action)
    messages.success(request, str(DONE[action]))
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(reverse("duplicates:flags", args=[flag.kind, flag.subject_id]))
