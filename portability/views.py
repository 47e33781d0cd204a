"""Pages of the data export: the list with its progress bar, the request, the polled status, the download."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from platform_.errors import DomainError, NotFound
from platform_.files import file_response
from platform_.identity.middleware import current_membership, signed_in
from platform_.identity.models import Firm
from portability import selectors, services


def _firm(request: HttpRequest, firm_id: int | None = None) -> Any:
    """The firm named in the URL, else the acting one; the selectors check the person manages it."""
    if firm_id is not None:
        return Firm.objects.filter(pk=firm_id).first()
    membership = current_membership(request)
    return membership.firm if membership is not None else None


def _refused(request: HttpRequest, error: DomainError) -> HttpResponse:
    """The platform's refusal page, with the error's status (also for a refused POST: there is no page to return to)."""
    return render(request, "refused.html", {"message": error.message}, status=error.status_code)


@login_required
def index(request: HttpRequest, firm_id: int | None = None) -> HttpResponse:
    """The firm's exports (the acting firm's without an id), newest first, with a running one's progress."""
    try:
        firm = selectors.require_manager(user=request.user, firm=_firm(request, firm_id))
    except DomainError as error:
        return _refused(request, error)
    exports = list(selectors.exports_of(user=request.user, firm=firm)[:20])
    return render(request, "portability/index.html", {"firm": firm, "exports": exports})


@login_required
@require_POST
def request_export(request: HttpRequest, firm_id: int) -> HttpResponse:
    try:
        services.export_request(firm=_firm(request, firm_id), by=signed_in(request))
    except DomainError as error:
        if error.status_code == 403:
            return _refused(request, error)
        messages.error(request, str(error.message))
    else:
        from django.utils.translation import gettext as _

        messages.success(request, _("The export is being built; its progress shows below."))
    return redirect("portability:firm", firm_id=firm_id)


@login_required
def status(request: HttpRequest, pk: int) -> JsonResponse:
    """Progress of one export, polled by the page while it is built."""
    try:
        export = selectors.export_get(user=request.user, export_id=pk)
    except NotFound as error:
        return JsonResponse({"detail": str(error.message)}, status=404)
    return JsonResponse(selectors.export_status(export=export))


@login_required
def download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The ZIP, to the firm's owners and administrators only, as an attachment, until it expires."""
    try:
        export = selectors.export_get(user=request.user, export_id=pk)
        services.export_download(export=export, by=signed_in(request))
    except DomainError as error:
        return _refused(request, error)
    return file_response(
        request, export.file, filename=f"firm-{export.firm_id}-export-{export.pk}.zip", content_type="application/zip"
    )
