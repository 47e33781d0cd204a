"""Pages of verification: a firm asks, an administrator reviews the licence in the browser and decides."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from platform_.errors import DomainError
from platform_.files import file_response
from platform_.identity.forms import add_domain_error
from platform_.identity.middleware import signed_in
from platform_.identity.models import Firm
from platform_.identity.selectors import member_of
from platform_.verification import selectors, services
from platform_.verification.forms import DecideForm, RequestForm
from platform_.verification.models import VerificationRequest
from platform_.verification.providers import provider


@login_required
def firm(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_object_or_404(Firm, pk=pk, is_active=True)
    membership = member_of(user=signed_in(request), firm=target)
    if membership is None or not membership.manages:
        raise Http404
    form = RequestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.verification_submit(firm=target, by=signed_in(request), **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The verification request is sent."))
            return redirect("verification:firm", pk=target.pk)
    context = {
        "firm": target,
        "form": form,
        "latest": selectors.latest_request(firm=target),
        "needs_licence": provider().needs_licence,
    }
    return render(request, "verification/firm.html", context)


@login_required
def review(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    if not user.is_platform_admin:
        raise PermissionDenied
    if request.method == "POST":
        form = DecideForm(request.POST)
        if form.is_valid():
            row = get_object_or_404(VerificationRequest, pk=form.cleaned_data["request"])
            try:
                services.verification_decide(
                    request=row, by=user, approve=form.cleaned_data["approve"], reason=form.cleaned_data["reason"]
                )
            except DomainError as error:
                messages.error(request, str(error.message))
            else:
                messages.success(request, _("The decision is recorded."))
        return redirect("verification:review")
    return render(request, "verification/review.html", {"pending": selectors.pending_requests()})


@login_required
def licence(request: HttpRequest, request_id: int) -> HttpResponseBase:
    try:
        row = selectors.licence_for(user=signed_in(request), request_id=request_id)
    except DomainError as error:
        raise Http404 from error
    media_type = services.licence_type(row.licence)
    extension = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}[media_type]
    return file_response(request, row.licence, filename=f"licence-{row.firm_id}.{extension}", content_type=media_type)
