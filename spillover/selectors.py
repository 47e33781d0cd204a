"""Reads of the spillover app: the current run's figures, filtered by what the viewer may see.

A firm sees its own figures and the aggregates of the clusters it is an active member of;
other firms are named only where the viewer may see them (administrators and the cluster's
moderators see every name, members see their own and anonymised peers); administrators see all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from clusters.models import Cluster, ClusterMembership, MembershipStatus
from clusters.selectors import active_cluster_ids, is_moderator
from knowledge.models import Asset, AssetOwnership, UseEvent
from knowledge.selectors import assets_visible_to
from platform_.errors import NotAllowed, NotFound
from platform_.identity.middleware import firm_id_of
from platform_.identity.models import Firm, localized
from platform_.identity.regions import Province
from spillover.models import AssetScore, ClusterScore, FirmScore, FlowEdge, RegionScore, Run

TOP = 10

# Between two full runs, folding keeps flows, pair flows, uses and breadth exact as of the last fold;
# these figures of each surface stay as of the last full run (docs/spillover.md says why).
AS_OF_LAST_FULL_RUN: dict[str, list[str]] = {
    "firm": ["stock", "pool", "pool_mahalanobis", "absorption", "series_in", "series_out"],
    "cluster": [
        "members", "stock", "pool", "internal", "external", "csi", "realisation", "ei", "cross_province",
        "series", "provinces",
    ],
    "asset": ["generality_cluster", "generality_province", "generality_sector", "descendants", "pagerank"],
    "comparison": ["clusters", "regions"],
    "status": [],
}  # fmt: skip
AS_OF_LAST_FULL_RUN_LABELS = {
    "firm": _lazy("Stocks, pools, absorption and the monthly series"),
    "cluster": _lazy("The cluster's index, ratios, stock, pool, series and provinces (not its flow network)"),
    "asset": _lazy("Generality, descendants and PageRank"),
    "comparison": _lazy("Every figure on this page"),
}


@dataclass(frozen=True)
class FirmFigures:
    """A firm's figures in the current run, as its dashboard and the partner API show them."""

    run: dict[str, Any]
    firm: dict[str, Any]  # id, name
    stock: float
    pool: float
    pool_mahalanobis: float
    inflow: float
    outflow: float
    net: float  # outflow − inflow
    absorption: float
    months: list[str]
    series_in: list[float]  # per month
    series_out: list[float]
    top_sources: list[dict[str, Any]]  # firm, name, value
    top_absorbers: list[dict[str, Any]]


@dataclass(frozen=True)
class ClusterFigures:
    """A cluster's figures in the current run, with its flow network as the viewer may see it."""

    run: dict[str, Any]
    cluster: dict[str, Any]  # id, name
    named: bool  # whether other members are named for this viewer
    members: int
    stock: float
    pool: float
    internal: float
    external: float
    csi: float
    realisation: float
    ei: float
    cross_province: float
    months: list[str]
    series: list[float]  # spillover index per month
    provinces: list[dict[str, Any]]  # province, name, total, crossing
    nodes: list[dict[str, Any]]  # id, name, province, own, value
    edges: list[dict[str, Any]]  # source, target, value


def _is_admin(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_platform_admin)


def current_run() -> Run | None:
    return Run.objects.filter(is_current=True).first()


def latest_run() -> Run | None:
    return Run.objects.order_by("-id").first()


def run_status(*, user: Any) -> dict[str, Any]:
    """Progress of the newest run (administrators) and the as-of time of the current one (anyone)."""
    current, latest = current_run(), latest_run()
    data: dict[str, Any] = {"current": _run_dict(current, "status") if current else None}
    if _is_admin(user) and latest is not None:
        stages = {
            "reading": _("Reading the platform"),
            "events": _("Streaming use events"),
            "scoring": _("Scoring"),
            "writing": _("Writing the figures"),
            "complete": _("Complete"),
        }
        data["latest"] = _run_dict(latest, "status") | {
            "stage": latest.stage,
            "stage_label": stages.get(latest.stage, latest.stage),
            "progress": latest.progress,
        }
    return data


def _run_dict(run: Run, surface: str) -> dict[str, Any]:
    """The run behind a surface: ``as_of`` is the as-of time of its exact figures (the last fold's),
    ``full_run_as_of`` the last full run's, and ``as_of_last_full_run`` names the figures of the
    surface that are as of the last full run (``full_run_note`` says so in words)."""
    frozen = AS_OF_LAST_FULL_RUN[surface]
    note = AS_OF_LAST_FULL_RUN_LABELS.get(surface)
    return {
        "id": run.pk,
        "status": run.status,
        "status_label": str(run.get_status_display()),
        "as_of": run.figures_as_of.isoformat(),
        "full_run_as_of": run.as_of.isoformat(),
        "as_of_last_full_run": frozen,
        "full_run_note": str(note) if note and frozen else "",
        "parameters": run.parameters,
        "events": run.event_count,
        "folded": run.folded_count,
    }


def _require_run() -> Run:
    run = current_run()
    if run is None:
        raise NotFound(_("No spillover figures have been computed yet."), code="no_run")
    return run


def _names(ids: set[int]) -> dict[int, str]:
    return {f.pk: f.name for f in Firm.objects.filter(pk__in=ids, is_active=True).only("id", "name_zh", "name_en")}


def firm_figures(*, user: Any, viewer_firm: Any, firm_id: int) -> FirmFigures:
    """A firm's stock, pools, inflow and outflow over time, and its top sources and absorbers."""
    if not (_is_admin(user) or firm_id_of(viewer_firm) == firm_id):
        raise NotAllowed(_("You may see the spillover figures of your own firm only."))
    firm = Firm.objects.filter(pk=firm_id).first()
    if firm is None:
        raise NotFound(_("No such firm."))
    run = _require_run()
    score = FirmScore.objects.filter(run=run, firm_id=firm_id).first() or FirmScore(run=run, firm_id=firm_id)
    sources = list(
        FlowEdge.objects.filter(run=run, absorber_id=firm_id).order_by("-value").values_list("source_id", "value")[:TOP]
    )
    absorbers = list(
        FlowEdge.objects.filter(run=run, source_id=firm_id).order_by("-value").values_list("absorber_id", "value")[:TOP]
    )
    names = _names({f for f, _v in sources + absorbers})
    hidden = _("A firm")
    live = run.live_factor()
    return FirmFigures(
        run=_run_dict(run, "firm"),
        firm={"id": firm.pk, "name": firm.name},
        stock=score.stock,
        pool=score.pool,
        pool_mahalanobis=score.pool_mahalanobis,
        inflow=score.inflow * live,
        outflow=score.outflow * live,
        net=(score.outflow - score.inflow) * live,
        absorption=score.absorption,
        months=run.months,
        series_in=score.series_in or [0.0] * len(run.months),
        series_out=score.series_out or [0.0] * len(run.months),
        top_sources=[{"firm": f, "name": names.get(f, hidden), "value": v * live} for f, v in sources],
        top_absorbers=[{"firm": f, "name": names.get(f, hidden), "value": v * live} for f, v in absorbers],
    )


def clusters_for_viewer(*, user: Any, viewer_firm: Any) -> list[Cluster]:
    """Clusters whose aggregates the viewer may see."""
    if _is_admin(user):
        return list(Cluster.objects.order_by("id"))
    ids = active_cluster_ids(firm=firm_id_of(viewer_firm))
    if user is not None and user.is_authenticated:
        ids |= set(Cluster.objects.filter(moderators=user).values_list("id", flat=True))
    return list(Cluster.objects.filter(id__in=ids).order_by("id"))


def _may_see_cluster(*, user: Any, viewer_firm: Any, cluster: Cluster) -> tuple[bool, bool]:
    """(may see the aggregates, may see member names on the network)."""
    if _is_admin(user) or is_moderator(user=user, cluster=cluster):
        return True, True
    return cluster.pk in active_cluster_ids(firm=firm_id_of(viewer_firm)), False


def cluster_figures(*, user: Any, viewer_firm: Any, cluster_id: int) -> ClusterFigures:
    """A cluster's spillover index over time, its flow network and the share crossing provinces."""
    cluster = Cluster.objects.filter(pk=cluster_id).first()
    if cluster is None:
        raise NotFound(_("No such cluster."))
    allowed, named = _may_see_cluster(user=user, viewer_firm=viewer_firm, cluster=cluster)
    if not allowed:
        raise NotAllowed(_("Only the cluster's members, moderators and administrators see its figures."))
    run = _require_run()
    score = ClusterScore.objects.filter(run=run, cluster=cluster).first() or ClusterScore(run=run, cluster=cluster)
    members = list(
        ClusterMembership.objects.filter(cluster=cluster, status=MembershipStatus.ACTIVE)
        .order_by("firm_id")
        .values_list("firm_id", "firm__name_zh", "firm__name_en", "firm__province")
    )
    member_ids = [m[0] for m in members]
    own = firm_id_of(viewer_firm)
    nodes: list[dict[str, Any]] = []
    for k, (fid, zh, en, prov) in enumerate(members, start=1):
        label = localized(zh, en) if named or fid == own else _("Member %(n)s") % {"n": k}
        nodes.append(
            {"id": str(fid), "name": label, "province": Province(prov).label if prov else "", "own": fid == own}
        )
    live = run.live_factor()
    edges: list[dict[str, Any]] = [
        {"source": str(s), "target": str(a), "value": v * live}
        for a, s, v in FlowEdge.objects.filter(run=run, absorber_id__in=member_ids, source_id__in=member_ids)
        .order_by("-value")
        .values_list("absorber_id", "source_id", "value")[:500]
    ]
    strength: dict[str, float] = defaultdict(float)
    for e in edges:
        strength[e["source"]] += e["value"]
        strength[e["target"]] += e["value"]
    for node in nodes:
        node["value"] = strength.get(node["id"], 0.0)
    provinces = [
        {**p, "name": Province(p["province"]).label if p["province"] in Province.values else p["province"]}
        for p in score.provinces
    ]
    return ClusterFigures(
        run=_run_dict(run, "cluster"),
        cluster={"id": cluster.pk, "name": cluster.name},
        named=named,
        members=score.members,
        stock=score.stock,
        pool=score.pool,
        internal=score.internal,
        external=score.external,
        csi=score.csi,
        realisation=score.realisation,
        ei=score.ei,
        cross_province=score.cross_province,
        months=run.months,
        series=score.series or [0.0] * len(run.months),
        provinces=provinces,
        nodes=nodes,
        edges=edges,
    )


def clusters_comparison(*, user: Any) -> dict[str, Any]:
    """Administrators: every cluster's index, realisation ratio, E-I index and provincial crossing."""
    if not _is_admin(user):
        raise NotAllowed(_("Only platform administrators compare clusters."))
    run = _require_run()
    rows = [
        {
            "cluster": s.cluster_id,
            "name": s.cluster.name if s.cluster else str(s.cluster_id),
            "members": s.members,
            "csi": s.csi,
            "realisation": s.realisation,
            "ei": s.ei,
            "cross_province": s.cross_province,
            "internal": s.internal,
        }
        for s in ClusterScore.objects.filter(run=run).select_related("cluster").order_by("-csi")
    ]
    regions = [
        {
            "key": r.key,
            "name": Province(r.key).label if r.key in Province.values else r.key,
            "total": r.total,
            "outside_share": r.outside_share,
            "localisation": r.localisation,
        }
        for r in RegionScore.objects.filter(run=run, dimension="province").order_by("-total")
    ]
    return {"run": _run_dict(run, "comparison"), "clusters": rows, "regions": regions}


def asset_reach(*, user: Any, viewer_firm: Any, asset_id: int) -> dict[str, Any]:
    """An asset's reach, for anyone who may see the asset (aggregates only, no firm named)."""
    asset = assets_visible_to(user=user, firm=viewer_firm).filter(pk=asset_id).first()
    if asset is None:
        raise NotFound(_("No such asset, or you may not see it."))
    run = _require_run()
    score = AssetScore.objects.filter(run=run, asset=asset).first() or AssetScore(run=run, asset=asset)
    kinds = dict(
        UseEvent.objects.filter(asset=asset)
        .exclude(firm_id__in=AssetOwnership.objects.filter(asset=asset).values("firm_id"))
        .values_list("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )
    return {
        "run": _run_dict(run, "asset"),
        "asset": {"id": asset.pk, "title": asset.title},
        "uses": score.uses * run.live_factor(),
        "breadth": score.breadth,
        "generality_cluster": score.generality_cluster,
        "generality_province": score.generality_province,
        "generality_sector": score.generality_sector,
        "descendants": score.descendants,
        "pagerank": score.pagerank,
        "by_kind": [
            {"kind": k, "count": kinds.get(k, 0)} for k in ("view", "download", "licence", "citation", "derivation")
        ],
    }


def reach_list(*, user: Any, viewer_firm: Any, limit: int = 20) -> list[dict[str, Any]]:
    """The viewer's own assets (administrators: all) by reach."""
    run = current_run()
    if run is None:
        return []
    qs = AssetScore.objects.filter(run=run).select_related("asset").order_by("-uses")
    if not _is_admin(user):
        fid = firm_id_of(viewer_firm)
        if fid is None:
            return []
        qs = qs.filter(asset__ownerships__firm_id=fid)
    live = run.live_factor()
    return [
        {"asset": s.asset_id, "title": s.asset.title, "uses": s.uses * live, "breadth": s.breadth} for s in qs[:limit]
    ]


def zero_marginal_cost(*, user: Any, viewer_firm: Any, limit: int = 8) -> dict[str, Any]:
    """For the viewer's assets with a declared creation cost: cost per use as reuse grows, by month."""
    qs = Asset.objects.filter(creation_cost__isnull=False, creation_cost__gt=0)
    if not _is_admin(user):
        fid = firm_id_of(viewer_firm)
        if fid is None:
            raise NotAllowed(_("You must belong to a firm to see its costs."))
        qs = qs.filter(ownerships__firm_id=fid)
    assets = list(qs.distinct().order_by("-creation_cost")[:limit])
    owners: dict[int, set[int]] = defaultdict(set)
    for a, f in AssetOwnership.objects.filter(asset__in=assets).values_list("asset_id", "firm_id"):
        owners[a].add(f)
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    months: set[str] = set()
    rows = (
        UseEvent.objects.filter(asset__in=assets)
        .annotate(month=TruncMonth("occurred_at"))
        .values_list("asset_id", "firm_id", "month")
        .annotate(n=Count("id"))
    )
    for a, f, month, n in rows:
        if f in owners[a]:
            continue
        key = month.strftime("%Y-%m")
        months.add(key)
        counts[a][key] = counts[a].get(key, 0) + n
    axis = sorted(months)
    series = []
    for asset in assets:
        cost = float(asset.creation_cost or 0)
        series.append(
            {
                "asset": asset.pk,
                "title": asset.title,
                "cost": cost,
                "uses": sum(counts[asset.pk].values()),
                "cost_per_use": cost_per_use_curve(
                    months=axis, costs={axis[0]: cost} if axis else {}, uses=counts[asset.pk]
                ),
            }
        )
    return {"months": axis, "assets": series}


def cost_per_use_curve(*, months: list[str], costs: dict[str, float], uses: dict[str, int]) -> list[float | None]:
    """The zero-marginal-cost curve: per month of ``months`` (sorted YYYY-MM), the creation cost spent up to that
    month divided by the uses up to that month (None before the first use). ``costs`` and ``uses`` are keyed by
    YYYY-MM and may hold months before the first of ``months``: they count from the start."""
    points: list[float | None] = []
    for key in months:
        spent = sum(value for month, value in costs.items() if month <= key)
        used = sum(value for month, value in uses.items() if month <= key)
        points.append(round(spent / used, 2) if used else None)
    return points


def firms_for_admin(*, user: Any, query: str = "", limit: int = 50) -> list[Firm]:
    if not _is_admin(user):
        return []
    qs = Firm.objects.order_by("id")
    if query:
        qs = qs.filter(Q(name_zh__icontains=query) | Q(name_en__icontains=query))
    return list(qs[:limit])
