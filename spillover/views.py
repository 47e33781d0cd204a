"""Spillover dashboards: thin views over the selectors, charts built by spillover.charts."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knowledge.models import UseKind
from platform_.errors import DomainError, NotAllowed, NotFound
from platform_.identity.middleware import acting_firm
from platform_.page_errors import domain_error_response
from spillover import charts, selectors


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The viewer's firm dashboard, with links to its clusters, its assets' reach and costs."""
    firm = acting_firm(request)
    user = request.user
    context: dict[str, Any] = {
        "status": selectors.run_status(user=user),
        "clusters": selectors.clusters_for_viewer(user=user, viewer_firm=firm),
        "assets": selectors.reach_list(user=user, viewer_firm=firm),
        "is_admin": getattr(user, "is_platform_admin", False),
        "admin_firms": selectors.firms_for_admin(user=user, query=request.GET.get("q", "")),
    }
    target = request.GET.get("firm")
    firm_id = (
        int(target)
        if target and target.isdigit() and getattr(user, "is_platform_admin", False)
        else (firm.pk if firm else None)
    )
    if firm_id is not None:
        try:
            fig = selectors.firm_figures(user=user, viewer_firm=firm, firm_id=firm_id)
        except DomainError as error:
            if not isinstance(error, NotFound) or error.code != "no_run":
                return domain_error_response(request, error)
            fig = None
        if fig is not None:
            context["fig"] = fig
            context["charts"] = [charts.firm_flows(fig), charts.firm_pool(fig), charts.firm_partners(fig)]
    return render(request, "spillover/index.html", context)


@login_required
def cluster(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        fig = selectors.cluster_figures(user=request.user, viewer_firm=acting_firm(request), cluster_id=pk)
    except DomainError as error:
        return domain_error_response(request, error)
    context = {
        "fig": fig,
        "charts": [charts.cluster_series(fig), charts.cluster_network(fig), charts.cluster_provinces(fig)],
    }
    return render(request, "spillover/cluster.html", context)


@login_required
def asset(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        fig = selectors.asset_reach(user=request.user, viewer_firm=acting_firm(request), asset_id=pk)
    except DomainError as error:
        return domain_error_response(request, error)
    labels = {str(k): str(v) for k, v in UseKind.choices}
    context = {"fig": fig, "charts": [charts.asset_kinds(fig, labels), charts.asset_generality(fig)]}
    return render(request, "spillover/asset.html", context)


@login_required
def compare(request: HttpRequest) -> HttpResponse:
    try:
        fig = selectors.clusters_comparison(user=request.user)
    except DomainError as error:
        return domain_error_response(request, error)
    context = {"fig": fig, "charts": [charts.compare_clusters(fig), charts.compare_regions(fig)]}
    return render(request, "spillover/compare.html", context)


@login_required
def costs(request: HttpRequest) -> HttpResponse:
    try:
        fig = selectors.zero_marginal_cost(user=request.user, viewer_firm=acting_firm(request))
    except DomainError as error:
        return domain_error_response(request, error)
    return render(request, "spillover/costs.html", {"fig": fig, "charts": [charts.cost_per_use(fig)]})


@login_required
def status(request: HttpRequest) -> JsonResponse:
    """Progress of the newest run, polled by the dashboard while a recompute runs."""
    return JsonResponse(selectors.run_status(user=request.user))


@login_required
@require_POST
def recompute(request: HttpRequest) -> HttpResponse:
    """Administrators queue a full recompute (the same Celery task as the nightly one)."""
    if not getattr(request.user, "is_platform_admin", False):
        refusal = NotAllowed(_("Only platform administrators start a recompute."))
        return domain_error_response(request, refusal, back=reverse("spillover:index"))
    from spillover.tasks import recompute_all

    latest = selectors.latest_run()
    recompute_all.delay()
    messages.success(request, _("A full recompute is queued; its progress shows below."))
    # The page follows the queued run (one newer than this) until it completes, without a reload.
    return redirect(f"{reverse('spillover:index')}?queued={latest.pk if latest else 0}")
