"""Agencies' pages: registration, verification by administrators, the jurisdiction dashboard, guidance."""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agencies import selectors, services
from agencies.forms import AgencyRegisterForm, DecisionForm, GuidanceForm
from agencies.models import Agency
from platform_.errors import DomainError, NotFound
from platform_.files import file_response
from platform_.identity.middleware import acting_firm, signed_in
from platform_.identity.regions import Province
from platform_.page_errors import domain_error_response


def _domain_errors(view: Any) -> Any:
    """Something outside the agency's jurisdiction is a 404, even for an action (it must not be confirmed to
    exist); any other refusal is answered by the platform's one mapping (``platform_.page_errors``)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotFound as error:
            raise Http404(error.message) from error
        except DomainError as error:
            return domain_error_response(request, error)

    return wrapper


@login_required
def index(request: HttpRequest) -> HttpResponse:
    form = AgencyRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agency = services.agency_register(
                by=signed_in(request),
                name_zh=form.cleaned_data["name_zh"],
                name_en=form.cleaned_data["name_en"],
                kind=form.cleaned_data["kind"],
                national=form.cleaned_data["national"],
                regions=form.regions(),
                credit_code=form.cleaned_data["credit_code"],
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Registered: a platform administrator will verify your agency."))
            return redirect("agencies:detail", agency.pk)
    context = {"agencies": selectors.agencies_of(user=request.user), "form": form}
    return render(request, "agencies/index.html", context)


@login_required
@_domain_errors
def review(request: HttpRequest) -> HttpResponse:
    if not signed_in(request).is_platform_admin:
        raise Http404()
    if request.method == "POST":
        form = DecisionForm(request.POST)
        raw = request.POST.get("agency", "")
        agency = get_object_or_404(Agency, pk=int(raw) if raw.isdigit() and len(raw) < 12 else 0)
        if form.is_valid():
            services.agency_decide(
                agency=agency,
                by=signed_in(request),
                approve=form.cleaned_data["approve"],
                reason=form.cleaned_data["reason"],
            )
        return redirect("agencies:review")
    return render(request, "agencies/review.html", {"pending": selectors.agencies_pending()})


FIGURES_PAGE_SIZE = 25


@login_required
@_domain_errors
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = selectors.agency_for(user=request.user, agency_id=pk, verified=False)
    context: dict[str, Any] = {"agency": agency}
    if agency.status == "verified":
        # The figures are aggregates over each cluster's record of use: computed for one page of clusters.
        clusters = selectors.clusters_in_jurisdiction(agency).order_by("id").values_list("id", flat=True)
        page = Paginator(clusters, FIGURES_PAGE_SIZE).get_page(request.GET.get("page"))
        context |= {
            "figures": selectors.cluster_figures(agency=agency, cluster_ids=list(page.object_list)),
            "figures_page": page,
            "proposed": selectors.proposed_with_contacts(agency),
            "guidance": selectors.guidance_of(agency=agency),
            "k": selectors.min_firms(),
        }
    return render(request, "agencies/detail.html", context)


@login_required
@require_POST
@_domain_errors
def endorse(request: HttpRequest, pk: int, cluster_id: int) -> HttpResponse:
    agency = selectors.agency_for(user=request.user, agency_id=pk)
    cluster = selectors.cluster_in_jurisdiction(agency=agency, cluster_id=cluster_id)
    services.endorsement_set(
        agency=agency,
        cluster=cluster,
        by=signed_in(request),
        endorse=request.POST.get("endorse") == "1",
        note=request.POST.get("note", ""),
    )
    return redirect("agencies:detail", agency.pk)


@login_required
@require_POST
@_domain_errors
def decide(request: HttpRequest, pk: int, cluster_id: int) -> HttpResponse:
    agency = selectors.agency_for(user=request.user, agency_id=pk)
    cluster = selectors.clusters_proposed_for(agency).filter(pk=cluster_id).first()
    if cluster is None:
        raise Http404()
    form = DecisionForm(request.POST)
    if not form.is_valid():
        raise Http404()
    services.agency_cluster_decide(
        agency=agency,
        cluster=cluster,
        by=signed_in(request),
        approve=form.cleaned_data["approve"],
        reason=form.cleaned_data["reason"],
    )
    return redirect("agencies:detail", agency.pk)


@login_required
@_domain_errors
def guidance_new(request: HttpRequest, pk: int) -> HttpResponse:
    agency = selectors.agency_for(user=request.user, agency_id=pk)
    provinces: list[tuple[str, str]] = (
        [(code, str(label)) for code, label in Province.choices]
        if agency.national
        else [(r.province, str(r.get_province_display())) for r in agency.regions.all()]
    )
    form = GuidanceForm(request.POST or None, request.FILES or None, provinces=list(dict.fromkeys(provinces)))
    if request.method == "POST" and form.is_valid():
        try:
            services.guidance_publish(agency=agency, by=signed_in(request), **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            return redirect("agencies:detail", agency.pk)
    return render(request, "agencies/guidance_form.html", {"agency": agency, "form": form})


@login_required
def guidance(request: HttpRequest) -> HttpResponse:
    """Guidance that reaches the acting firm."""
    firm = getattr(request, "firm", None)
    items = selectors.guidance_for_firm(firm=firm)
    prefetch_related_objects(items, "attachments")
    return render(request, "agencies/guidance.html", {"items": items, "firm": firm})


def guidance_attachment(request: HttpRequest, attachment_id: int) -> HttpResponseBase:
    """An attachment of guidance that reaches the acting firm, or of the person's own agency; anyone else,
    signed in or not, gets 404 (no redirect to the sign-in page that would confirm it exists)."""
    try:
        attachment = selectors.attachment_for(user=request.user, firm=acting_firm(request), attachment_id=attachment_id)
    except NotFound as error:
        raise Http404(error.message) from error
    return file_response(
        request, attachment.file, filename=attachment.original_name, content_type=attachment.content_type
    )
