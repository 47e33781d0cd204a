"""Pages of privacy: the policy and its versions, a person's consents, account deletion, closing a firm."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from platform_.compliance import selectors, services
from platform_.compliance.forms import CloseFirmForm, ConfirmForm, ConsentForm
from platform_.compliance.models import SHARING_PURPOSES, PolicyVersion
from platform_.errors import DomainError
from platform_.identity.middleware import signed_in
from platform_.identity.models import Firm, FirmMember, FirmRole


def policy(request: HttpRequest, version: str = "") -> HttpResponse:
    current = selectors.policy_current()
    shown: PolicyVersion | None = current
    if version:
        shown = PolicyVersion.objects.filter(version=version).first()
        if shown is None or shown.published_at > current.published_at:
            raise Http404
    return render(
        request,
        "compliance/policy.html",
        {"policy": shown, "current": current, "versions": selectors.policy_versions()},
    )


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    if request.method == "POST":
        form = ConsentForm(request.POST)
        if form.is_valid():
            purpose = form.cleaned_data["purpose"]
            if form.cleaned_data["give"]:
                services.consent_give(user=user, purpose=purpose, request=request)
                messages.success(request, _("Your consent is recorded."))
            else:
                services.consent_withdraw(user=user, purpose=purpose)
                messages.success(request, _("Your consent is withdrawn: these fields are no longer given."))
            return redirect("compliance:mine")
    active = selectors.consents_active(user=user)
    rows = [{"purpose": purpose, "consent": active.get(purpose.value)} for purpose in SHARING_PURPOSES]
    return render(
        request,
        "compliance/mine.html",
        {"rows": rows, "history": selectors.consent_history(user=user), "policy": selectors.policy_current()},
    )


@login_required
def delete(request: HttpRequest) -> HttpResponse:
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_delete(user=signed_in(request))
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            logout(request)
            messages.success(request, _("Your account is deleted."))
            return redirect("home")
    return render(request, "compliance/delete.html", {"form": form})


@login_required
def firm_close(request: HttpRequest, pk: int) -> HttpResponse:
    firm = get_object_or_404(Firm, pk=pk, is_active=True)
    user = signed_in(request)
    if not FirmMember.objects.filter(firm=firm, user=user, role=FirmRole.OWNER).exists():
        raise Http404
    form = CloseFirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.firm_close(firm=firm, by=user)
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("The firm is closed."))
            return redirect("home")
    return render(request, "compliance/firm_close.html", {"form": form, "firm": firm})
