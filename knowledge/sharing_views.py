"""Pages of the sharing mechanism: the contributors tier, embargoes, appeals and the review of new versions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.models import Cluster
from knowledge import embargo, moderation, selectors, tiers
from knowledge.models import Appeal, Asset, AssetStatus, AssetVersion
from knowledge.sharing_forms import (
    AppealDecideForm,
    AppealForm,
    ContributorRuleForm,
    EmbargoForm,
    VersionReviewForm,
)
from platform_.errors import DomainError
from platform_.identity.middleware import acting_firm


def sharing_detail_context(request: HttpRequest, *, asset: Asset, owner: bool, withheld: bool) -> dict[str, Any]:
    """What the asset page adds for embargoes and take-downs."""
    take_down = moderation.take_down_of(asset=asset) if owner else None
    appeal = moderation.appeal_of(take_down=take_down)
    return {
        "withheld": withheld,
        "under_embargo": embargo.under_embargo(asset),
        "take_down": take_down,
        "appeal": appeal,
        "appeal_form": AppealForm() if take_down and appeal is None else None,
        "embargo_form": (
            EmbargoForm(
                initial={"until": timezone.localtime(asset.embargo_until).date() if asset.embargo_until else None}
            )
            if owner and asset.status != AssetStatus.TAKEN_DOWN
            else None
        ),
        "version_review_form": VersionReviewForm(),
    }


def _act(request: HttpRequest, done: str, action: Any) -> bool:
    try:
        action()
    except DomainError as error:
        messages.error(request, str(error.message))
        return False
    messages.success(request, done)
    return True


def _owned(request: HttpRequest, pk: int) -> Asset:
    asset = selectors.assets_owned_by(firm=acting_firm(request)).filter(pk=pk).first()
    if asset is None:
        raise Http404
    return asset


@login_required
@require_POST
def embargo_set(request: HttpRequest, pk: int) -> HttpResponse:
    asset = _owned(request, pk)
    form = EmbargoForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a date."))
        return redirect(asset)
    day = form.cleaned_data.get("until")
    until = embargo.end_of(day) if day else None
    _act(
        request,
        _("Embargo saved.") if until else _("Embargo lifted."),
        lambda: embargo.asset_embargo_set(asset=asset, by=request.user, until=until),
    )
    return redirect(asset)


@login_required
@require_POST
def appeal_file(request: HttpRequest, pk: int) -> HttpResponse:
    asset = _owned(request, pk)
    form = AppealForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the asset should be restored."))
    else:
        _act(
            request,
            _("Your appeal was sent: another moderator or an administrator decides."),
            lambda: moderation.appeal_file(asset=asset, by=request.user, statement=form.cleaned_data["statement"]),
        )
    return redirect(asset)


@login_required
@require_POST
def appeal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = Appeal.objects.filter(pk=pk).select_related("asset", "take_down").first()
    if appeal is None or not selectors.may_moderate(user=request.user, asset=appeal.asset):
        raise Http404
    form = AppealDecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision and give a reason."))
    else:
        _act(
            request,
            _("Decision recorded."),
            lambda: moderation.appeal_decide(
                appeal=appeal, by=request.user, restore=form.cleaned_data["restore"], reason=form.cleaned_data["reason"]
            ),
        )
    return redirect("knowledge:moderation")


@login_required
@require_POST
def version_review(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    version = get_object_or_404(AssetVersion.objects.select_related("asset"), asset_id=pk, number=number)
    if not selectors.may_moderate(user=request.user, asset=version.asset):
        raise Http404
    form = VersionReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
    else:
        _act(
            request,
            _("Decision recorded."),
            lambda: moderation.version_review(
                version=version,
                by=request.user,
                approve=form.cleaned_data["approve"],
                reason=form.cleaned_data.get("reason", ""),
            ),
        )
    return redirect("knowledge:moderation")


@login_required
def contributors(request: HttpRequest) -> HttpResponse:
    """The rule of each of the firm's clusters and the firm's progress; moderators set the rules."""
    rules = [
        (cluster, ContributorRuleForm(prefix=f"c{cluster.pk}", initial=_rule_initial(cluster)))
        for cluster in tiers.rules_set_by(user=request.user)
    ]
    context = {"progress": tiers.contributor_progress(firm=acting_firm(request)), "rules": rules}
    return render(request, "knowledge/contributors.html", context)


def _rule_initial(cluster: Cluster) -> dict[str, Any]:
    rule = getattr(cluster, "contributor_rule", None)
    if rule is None:
        return {}
    return {"min_assets": rule.min_assets, "window_days": rule.window_days, "min_outflow": rule.min_outflow}


@login_required
@require_POST
def contributor_rule(request: HttpRequest, cluster_pk: int) -> HttpResponse:
    cluster = get_object_or_404(Cluster, pk=cluster_pk)
    form = ContributorRuleForm(request.POST, prefix=f"c{cluster.pk}")
    if not form.is_valid():
        messages.error(request, _("Check the rule's numbers."))
    else:
        data = form.cleaned_data
        _act(
            request,
            _("Contributor rule saved."),
            lambda: tiers.contributor_rule_set(
                cluster=cluster,
                by=request.user,
                min_assets=data["min_assets"],
                window_days=data["window_days"],
                min_outflow=data.get("min_outflow") or 0.0,
            ),
        )
    return redirect("knowledge:contributors")
