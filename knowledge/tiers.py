"""Give-to-get: a cluster's "contributors" tier opens to the member firms whose contribution meets its rule.

The tier is one clause of the asset visibility rule (``contributor_of``, read by ``visibility_q``), so it
holds on every surface that rule serves. Standings are recomputed when assets are published, taken down
or restored, when the spillover model's scores change (its run pushes outflows through the source
registered here: knowledge sits below spillover and never imports it), when a rule changes, and daily
(assets leave the counting window). Every grant and loss is audited and told to the firm's managers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from clusters.models import Cluster, ClusterMembership, MembershipStatus
from knowledge.models import Asset, AssetOwnership, AssetStatus, ContributorRule, ContributorStanding
from platform_.audit.services import audit_record
from platform_.errors import DomainError, NotAllowed
from platform_.identity.models import FirmMember, FirmRole
from platform_.notifications.messages import Message, per_language
from platform_.notifications.services import notify

OutflowSource = Callable[[list[int]], dict[int, float]]
_outflow_sources: list[OutflowSource] = []


def outflow_source_register(source: OutflowSource) -> None:
    """A higher layer (spillover) tells knowledge each firm's measured outflow of knowledge."""
    if source not in _outflow_sources:
        _outflow_sources.append(source)


def _outflows(firm_ids: list[int]) -> dict[int, float]:
    found: dict[int, float] = {}
    for source in _outflow_sources:
        for firm_id, value in source(firm_ids).items():
            found[firm_id] = max(found.get(firm_id, 0.0), float(value))
    return found


# The visibility clause ---------------------------------------------------------------------------


def contributor_of(*, firm_id: Any) -> Exists:
    """Assets shared at the contributors level with a cluster where the firm is an active member and
    a contributor (``firm_id`` may be an expression: the webhook audience asks it for many firms)."""
    active = ClusterMembership.objects.filter(firm_id=firm_id, status=MembershipStatus.ACTIVE).values("cluster_id")
    contributing = ContributorStanding.objects.filter(firm_id=firm_id, eligible=True, cluster_id__in=active).values(
        "cluster_id"
    )
    return Exists(Asset.access_clusters.through.objects.filter(asset_id=OuterRef("pk"), cluster_id__in=contributing))


# Rules --------------------------------------------------------------------------------------------


def _may_set_rule(*, user: Any, cluster: Cluster) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_platform_admin or cluster.moderators.filter(pk=user.pk).exists())


@transaction.atomic
def contributor_rule_set(
    *, cluster: Cluster, by: Any, min_assets: int, window_days: int = 365, min_outflow: float = 0.0
) -> ContributorRule:
    """A cluster's moderators (or an administrator) set the rule; standings follow at once."""
    if not _may_set_rule(user=by, cluster=cluster):
        raise NotAllowed(_("Only the cluster's moderators may set its contributor rule."))
    if min_assets < 0 or min_outflow < 0:
        raise DomainError(_("Thresholds cannot be negative."), field="min_assets")
    if min_assets == 0 and min_outflow <= 0:
        raise DomainError(_("Set at least one threshold."), field="min_assets")
    if not 1 <= window_days <= 3660:
        raise DomainError(_("Count contributions over 1 to 3660 days."), field="window_days")
    rule, _created = ContributorRule.objects.update_or_create(
        cluster=cluster,
        defaults={"min_assets": min_assets, "window_days": window_days, "min_outflow": min_outflow, "updated_by": by},
    )
    audit_record(
        actor=by,
        action="contributor_rule.set",
        target=rule,
        cluster=cluster,
        data={"min_assets": min_assets, "window_days": window_days, "min_outflow": min_outflow},
    )
    contributors_recompute(cluster_ids=[cluster.pk], by=by)
    return rule


# Recomputation ------------------------------------------------------------------------------------


def _shared_in(cluster_id: int) -> Q:
    """Assets a firm shared in the cluster: opened to it, or reviewed by it."""
    return Q(
        Exists(Asset.access_clusters.through.objects.filter(asset_id=OuterRef("pk"), cluster_id=cluster_id))
        | Exists(Asset.review_clusters.through.objects.filter(asset_id=OuterRef("pk"), cluster_id=cluster_id))
    )


def _counts(rule: ContributorRule, firm_ids: list[int]) -> dict[int, int]:
    since = timezone.now() - timedelta(days=rule.window_days)
    shared = Asset.objects.filter(
        _shared_in(rule.cluster_id), status=AssetStatus.PUBLISHED, published_at__gte=since
    ).values("pk")
    rows = (
        AssetOwnership.objects.filter(firm_id__in=firm_ids, asset_id__in=shared)
        .values("firm_id")
        .annotate(n=Count("asset_id"))
    )
    return {row["firm_id"]: row["n"] for row in rows}


def meets(rule: ContributorRule, *, assets_shared: int, outflow: float) -> bool:
    by_assets = rule.min_assets > 0 and assets_shared >= rule.min_assets
    by_outflow = rule.min_outflow > 0 and outflow >= rule.min_outflow
    return by_assets or by_outflow


def _managers(firm_id: int) -> list[Any]:
    members = FirmMember.objects.filter(firm_id=firm_id, role__in=[FirmRole.OWNER, FirmRole.ADMIN])
    return [m.user for m in members.select_related("user")]


def _announce(standing: ContributorStanding, *, by: Any) -> None:
    cluster = standing.cluster
    granted = standing.eligible
    audit_record(
        actor=by,
        action="contributor.granted" if granted else "contributor.revoked",
        target=standing,
        firm=standing.firm,
        cluster=cluster,
        data={"assets_shared": standing.assets_shared, "outflow": standing.outflow},
    )
    title = Message(
        gettext_noop("Your firm is now a contributor in %(cluster)s")
        if granted
        else gettext_noop("Your firm is no longer a contributor in %(cluster)s"),
        cluster=per_language(lambda: cluster.name),
    )
    body = Message(
        gettext_noop("Assets shared with the cluster's contributors are open to your firm.")
        if granted
        else gettext_noop(
            "Assets shared with the cluster's contributors are closed to your firm until it meets the rule again."
        )
    )
    notify(
        recipients=_managers(standing.firm_id),
        kind="knowledge.contributor",
        title=title,
        body=body,
        url="/knowledge/contributors/",
        data={"cluster_id": cluster.pk, "eligible": granted},
    )


@transaction.atomic
def contributors_recompute(
    *, cluster_ids: Iterable[int] | None = None, firm_ids: Iterable[int] | None = None, by: Any = None
) -> list[ContributorStanding]:
    """Bring the standings of the given clusters (all with a rule) and firms (all members) up to date;
    returns those whose eligibility changed. Safe to run twice."""
    rules = ContributorRule.objects.select_related("cluster")
    if cluster_ids is not None:
        rules = rules.filter(cluster_id__in=list(cluster_ids))
    wanted = set(firm_ids) if firm_ids is not None else None
    changed: list[ContributorStanding] = []
    for rule in rules:
        members = set(
            ClusterMembership.objects.filter(cluster_id=rule.cluster_id, status=MembershipStatus.ACTIVE).values_list(
                "firm_id", flat=True
            )
        )
        standings = {
            s.firm_id: s
            for s in ContributorStanding.objects.select_for_update()
            .filter(cluster_id=rule.cluster_id)
            .select_related("firm")
        }
        firms = members | {firm_id for firm_id, s in standings.items() if s.eligible}
        if wanted is not None:
            firms &= wanted
        if not firms:
            continue
        ordered = sorted(firms)
        counts = _counts(rule, ordered)
        outflows = _outflows(ordered)
        now = timezone.now()
        for firm_id in ordered:
            standing = standings.get(firm_id) or ContributorStanding(cluster=rule.cluster, firm_id=firm_id)
            standing.cluster = rule.cluster
            before = standing.eligible if standing.pk else False
            standing.assets_shared = counts.get(firm_id, 0)
            standing.outflow = outflows.get(firm_id, standing.outflow if standing.pk else 0.0)
            standing.eligible = firm_id in members and meets(
                rule, assets_shared=standing.assets_shared, outflow=standing.outflow
            )
            if standing.eligible and not before:
                standing.since = now
            standing.save()
            if standing.eligible != before:
                changed.append(standing)
                _announce(standing, by=by)
    return changed


def on_asset_event(name: str, payload: dict[str, Any]) -> None:
    """Publishing, taking down or restoring an asset changes its owners' contribution."""
    asset_id = payload.get("asset_id")
    if not isinstance(asset_id, int):
        return
    firm_ids = list(AssetOwnership.objects.filter(asset_id=asset_id).values_list("firm_id", flat=True))
    if firm_ids:
        contributors_recompute(firm_ids=firm_ids)


def on_scores_changed(name: str, payload: dict[str, Any]) -> None:
    """A spillover run finished: outflows changed for everyone."""
    if _outflow_sources:
        contributors_recompute()


# Progress, for the members' page ---------------------------------------------------------------------


@dataclass
class Progress:
    cluster: Cluster
    rule: ContributorRule
    assets_shared: int
    outflow: float
    eligible: bool

    @property
    def assets_missing(self) -> int:
        return max(self.rule.min_assets - self.assets_shared, 0) if self.rule.min_assets else 0

    @property
    def rule_text(self) -> str:
        parts = []
        if self.rule.min_assets:
            parts.append(
                ngettext(
                    "at least %(count)d published asset shared with the cluster in the last %(days)d days",
                    "at least %(count)d published assets shared with the cluster in the last %(days)d days",
                    self.rule.min_assets,
                )
                % {"count": self.rule.min_assets, "days": self.rule.window_days}
            )
        if self.rule.min_outflow > 0:
            parts.append(
                _("a measured knowledge outflow of at least %(outflow).2f") % {"outflow": self.rule.min_outflow}
            )
        return _(" or ").join(parts)

    @property
    def next_step(self) -> str:
        if self.eligible:
            return _("Your firm is a contributor: assets for the cluster's contributors are open to it.")
        if self.assets_missing:
            return ngettext(
                "%(count)d more shared asset opens the contributors tier.",
                "%(count)d more shared assets open the contributors tier.",
                self.assets_missing,
            ) % {"count": self.assets_missing}
        return _("A higher knowledge outflow opens the contributors tier.")


def contributor_progress(*, firm: Any) -> list[Progress]:
    """For each cluster the firm is an active member of that has a rule: the rule and the firm's progress."""
    if firm is None:
        return []
    clusters = ClusterMembership.objects.filter(firm=firm, status=MembershipStatus.ACTIVE).values("cluster_id")
    rules = ContributorRule.objects.filter(cluster_id__in=clusters).select_related("cluster").order_by("cluster_id")
    standings = {
        s.cluster_id: s for s in ContributorStanding.objects.filter(firm=firm, cluster_id__in=clusters).order_by()
    }
    rows = []
    for rule in rules:
        standing = standings.get(rule.cluster_id)
        rows.append(
            Progress(
                cluster=rule.cluster,
                rule=rule,
                assets_shared=standing.assets_shared if standing else 0,
                outflow=standing.outflow if standing else 0.0,
                eligible=bool(standing and standing.eligible),
            )
        )
    return rows


def rules_set_by(*, user: Any) -> list[Cluster]:
    """The clusters whose rule the person may set (those they moderate; all for administrators)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    clusters = Cluster.objects.all() if user.is_platform_admin else Cluster.objects.filter(moderators=user)
    return list(clusters.select_related("contributor_rule").order_by("pk")[:100])
