"""Builds the open tables: per-firm figures read in SQL, protected together, shaped for pages and downloads.

Every figure is an aggregate over firms. Each firm counts in exactly one province and one
section (its lowest-coded sector, its "primary" sector), so the cells of a table partition the
firms and the totals are sums of their cells; disclosure.protect then hides what must be hidden,
once, for all the tables cut from these cells. A firm that opted out, and every use event that
involves it (as the user or as an owner of the asset used), counts nowhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import connection
from django.utils import timezone

from agencies.models import Agency
from clusters.models import Cluster, ClusterMembership, ClusterStatus, MembershipStatus
from knowledge.models import Asset, AssetOwnership, AssetStatus, UseEvent
from observatory import belt_figures
from observatory.disclosure import Cell, Key, Line, protect
from observatory.models import OpenStatisticsOptOut
from platform_.identity.data.sectors import SECTIONS, SECTORS
from platform_.identity.models import Firm, Sector
from platform_.identity.regions import Province

WINDOW_MONTHS = 24
EARLIER = "earlier"
UNCLASSIFIED = "X"  # firms with no sector: counted in province totals, shown as "unclassified"
DIVISION_SECTION = {code: section for code, section, _zh, _en in SECTORS}

Progress = Callable[[str, float], None]
Extractor = Callable[..., dict[str, Any]]
_extractors: dict[str, Extractor] = {}


def extract_register(name: str, extractor: Extractor) -> None:
    """A domain above the observatory adds what it reads for the open tables (called from its AppConfig.ready).

    ``extractor(counted=firm ids, months=window, rows=run SQL)`` returns a dict kept as ``Extract.extra[name]``.
    """
    _extractors[name] = extractor


@dataclass
class Extract:
    """What the record says, per firm: only counted firms (active, not opted out) appear."""

    months: list[str]
    firms: dict[int, tuple[str, str, str, str]] = field(
        default_factory=dict
    )  # id -> province, section, division, month
    uses: list[tuple[int, str, int]] = field(default_factory=list)  # user firm, month, events
    flows: list[tuple[int, int, str, int]] = field(default_factory=list)  # absorber, source, month, events
    assets: list[tuple[int, int]] = field(default_factory=list)  # owner firm, published assets
    clusters: list[dict[str, Any]] = field(default_factory=list)
    costed: list[tuple[int, int, float, str]] = field(default_factory=list)  # asset, owner firm, cost, month
    costed_uses: list[tuple[int, str, int]] = field(default_factory=list)  # asset, month, uses by non-owners
    extra: dict[str, Any] = field(default_factory=dict)  # name -> what a registered extractor read


def window(now: datetime, size: int = WINDOW_MONTHS) -> list[str]:
    """The last ``size`` calendar months up to ``now``'s, oldest first, as YYYY-MM."""
    local = timezone.localtime(now)
    index = local.year * 12 + local.month - 1
    return [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in range(index - size + 1, index + 1)]


def _month(value: date | datetime | str, months: list[str]) -> str | None:
    """The window month of a date (EARLIER before the window; None after it)."""
    text = value if isinstance(value, str) else value.strftime("%Y-%m")
    if text < months[0]:
        return EARLIER
    return text if text <= months[-1] else None


def _rows(sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return list(cursor.fetchall())


def extract(*, now: datetime, on_progress: Progress | None = None) -> Extract:
    """Read the per-firm figures the open tables are made of (a handful of grouped queries)."""
    report = on_progress or (lambda stage, fraction: None)
    months = window(now)
    out = Extract(months=months)
    firm = Firm._meta.db_table
    firm_sectors = Firm.sectors.through._meta.db_table
    sector = Sector._meta.db_table
    opt_out = OpenStatisticsOptOut._meta.db_table
    use = UseEvent._meta.db_table
    owner = AssetOwnership._meta.db_table
    asset = Asset._meta.db_table
    agency = Agency._meta.db_table
    # A public agency's own firm identity (it sponsors challenges) is no firm of an industry: not counted.
    counted = (
        f"f.is_active AND NOT EXISTS (SELECT 1 FROM {opt_out} x WHERE x.firm_id = f.id) "  # noqa: S608
        f"AND NOT EXISTS (SELECT 1 FROM {agency} ag WHERE ag.firm_id = f.id)"
    )
    # An event counts only if neither its user nor any owner of its asset opted out.
    clean_event = (
        f"NOT EXISTS (SELECT 1 FROM {owner} o2 JOIN {opt_out} x2 ON x2.firm_id = o2.firm_id "  # noqa: S608
        f"WHERE o2.asset_id = e.asset_id)"
    )
    report("firms", 0.0)
    for firm_id, province, division, created in _rows(
        f"SELECT f.id, f.province, MIN(s.code), f.created_at FROM {firm} f "  # noqa: S608
        f"LEFT JOIN {firm_sectors} fs ON fs.firm_id = f.id LEFT JOIN {sector} s ON s.id = fs.sector_id "
        f"WHERE {counted} GROUP BY f.id"
    ):
        section = DIVISION_SECTION.get(division or "", UNCLASSIFIED)
        out.firms[firm_id] = (province, section, division or "", timezone.localtime(created).strftime("%Y-%m"))
    report("use", 0.2)
    out.uses = [
        (firm_id, month, int(n))
        for firm_id, month, n in _rows(
            f"SELECT e.firm_id, to_char(e.day, 'YYYY-MM'), count(*) FROM {use} e "  # noqa: S608
            f"JOIN {firm} f ON f.id = e.firm_id WHERE {counted} AND {clean_event} GROUP BY 1, 2"
        )
    ]
    report("flows", 0.45)
    out.flows = [
        (absorber, source, month, int(n))
        for absorber, source, month, n in _rows(
            f"SELECT e.firm_id, o.firm_id, to_char(e.day, 'YYYY-MM'), count(*) FROM {use} e "  # noqa: S608
            f"JOIN {owner} o ON o.asset_id = e.asset_id AND o.firm_id <> e.firm_id "
            f"JOIN {firm} f ON f.id = e.firm_id JOIN {firm} sf ON sf.id = o.firm_id AND sf.is_active "
            f"WHERE {counted} AND {clean_event} GROUP BY 1, 2, 3"
        )
    ]
    report("assets", 0.7)
    out.assets = [
        (firm_id, int(n))
        for firm_id, n in _rows(
            f"SELECT o.firm_id, count(*) FROM {owner} o JOIN {asset} a ON a.id = o.asset_id "  # noqa: S608
            f"JOIN {firm} f ON f.id = o.firm_id WHERE a.status = %s AND {counted} GROUP BY 1",
            [AssetStatus.PUBLISHED],
        )
    ]
    report("costs", 0.75)
    # Assets with a declared creation cost, published, none of whose owners opted out (cost by publication month),
    # and their uses by counted firms other than their owners (the zero-marginal-cost curve per cluster).
    costed = (
        f"a.creation_cost > 0 AND a.status = %s AND NOT EXISTS (SELECT 1 FROM {owner} o2 "  # noqa: S608
        f"JOIN {opt_out} x2 ON x2.firm_id = o2.firm_id WHERE o2.asset_id = a.id)"
    )
    out.costed = [
        (asset_id, firm_id, float(cost), month)
        for asset_id, firm_id, cost, month in _rows(
            f"SELECT a.id, o.firm_id, a.creation_cost, "  # noqa: S608
            f"to_char(COALESCE(a.published_at, a.created_at), 'YYYY-MM') FROM {asset} a "
            f"JOIN {owner} o ON o.asset_id = a.id JOIN {firm} f ON f.id = o.firm_id WHERE {counted} AND {costed}",
            [AssetStatus.PUBLISHED],
        )
    ]
    out.costed_uses = [
        (asset_id, month, int(n))
        for asset_id, month, n in _rows(
            f"SELECT e.asset_id, to_char(e.day, 'YYYY-MM'), count(*) FROM {use} e "  # noqa: S608
            f"JOIN {asset} a ON a.id = e.asset_id JOIN {firm} f ON f.id = e.firm_id "
            f"WHERE {counted} AND {costed} AND NOT EXISTS "
            f"(SELECT 1 FROM {owner} o3 WHERE o3.asset_id = e.asset_id AND o3.firm_id = e.firm_id) GROUP BY 1, 2",
            [AssetStatus.PUBLISHED],
        )
    ]
    report("clusters", 0.8)
    out.clusters = _clusters(set(out.firms))
    for name, extractor in _extractors.items():
        report(name, 0.85)
        out.extra[name] = extractor(counted=set(out.firms), months=months, rows=_rows)
    return out


def _clusters(counted: set[int]) -> list[dict[str, Any]]:
    """Approved clusters with their counted members and, where scored, the spillover index series."""
    from spillover.models import ClusterScore, Run

    members: dict[int, set[int]] = {}
    for cluster_id, firm_id in ClusterMembership.objects.filter(
        status=MembershipStatus.ACTIVE, cluster__status=ClusterStatus.APPROVED
    ).values_list("cluster_id", "firm_id"):
        if firm_id in counted:
            members.setdefault(cluster_id, set()).add(firm_id)
    run = Run.objects.filter(is_current=True).first()
    scores = (
        {s.cluster_id: s for s in ClusterScore.objects.filter(run=run).only("cluster_id", "csi", "series")}
        if run
        else {}
    )
    months = list(run.months) if run else []
    from agencies.models import AgencyStatus, Endorsement

    endorsed: dict[int, list[str]] = {}
    for cluster_id, name in Endorsement.objects.filter(
        revoked_at__isnull=True, agency__status=AgencyStatus.VERIFIED
    ).values_list("cluster_id", "agency__name_zh"):
        endorsed.setdefault(cluster_id, []).append(name)
    rows = []
    for cluster in Cluster.objects.filter(status=ClusterStatus.APPROVED).order_by("pk"):
        score = scores.get(cluster.pk)
        rows.append(
            {
                "id": cluster.pk,
                "slug": cluster.slug,
                "name_zh": cluster.name_zh,
                "name_en": cluster.name_en,
                "home_province": cluster.home_province or "",
                "firms": sorted(members.get(cluster.pk, set())),
                "csi": score.csi if score else None,
                "series": list(zip(months, score.series, strict=False)) if score else [],
                # the index is a figure of the last full spillover run (folding in uses leaves it)
                "spillover_as_of": run.as_of.isoformat() if run and score else None,
                "endorsed_by": sorted(endorsed.get(cluster.pk, [])),
            }
        )
    return rows


def _cluster_costs(data: Extract, *, k: int) -> list[dict[str, Any]]:
    """Per approved cluster, the zero-marginal-cost curve of the assets its counted members own: per month,
    cumulative creation cost ÷ cumulative uses by firms other than the asset's owners (spillover's formula).
    Asset costs are a firm's data: a cluster with fewer than k member firms owning such assets is not published."""
    from spillover.selectors import cost_per_use_curve

    owners: dict[int, set[int]] = {}
    cost_of: dict[int, tuple[float, str]] = {}
    for asset_id, firm_id, cost, month in data.costed:
        owners.setdefault(asset_id, set()).add(firm_id)
        cost_of[asset_id] = (cost, month)
    uses_of: dict[int, dict[str, int]] = {}
    for asset_id, month, n in data.costed_uses:
        uses_of.setdefault(asset_id, {})[month] = n
    out = []
    for cluster in data.clusters:
        members = set(cluster["firms"])
        assets = [asset_id for asset_id, firms in owners.items() if firms & members]
        owning = {firm_id for asset_id in assets for firm_id in owners[asset_id] & members}
        if len(members) < k or len(owning) < k:
            continue
        costs: dict[str, float] = {}
        uses: dict[str, int] = {}
        for asset_id in assets:
            cost, month = cost_of[asset_id]
            costs[month] = costs.get(month, 0.0) + cost
            for month, n in uses_of.get(asset_id, {}).items():
                uses[month] = uses.get(month, 0) + n
        curve = cost_per_use_curve(months=data.months, costs=costs, uses=uses)
        out.append(
            {
                **{name: cluster[name] for name in ("id", "slug", "name_zh", "name_en")},
                "owning_firms": len(owning),
                "uses": sum(uses.values()),
                "series": [[month, value] for month, value in zip(data.months, curve, strict=True)],
            }
        )
    return out


def _share(part: Cell, whole: Cell, k: int) -> float | None:
    """part / whole, published only when both describe at least k firms on each side."""
    if whole.value == 0 or any(len(g) < k for g in part.groups + whole.groups):
        return None
    return round(part.value / whole.value, 6)


def _lq(value: float | None, row: float | None, col: float | None, total: float | None) -> float | None:
    """Location quotient (x_ps / x_p) / (x_s / x): how concentrated s is in p compared with the nation."""
    if value is None or not row or not col or not total:
        return None
    return round((value / row) / (col / total), 4)


def build(data: Extract, *, k: int) -> dict[str, Any]:
    """Protect the cells together and shape the open tables (None where a figure is hidden)."""
    cells: dict[Key, Cell] = {}

    def cell(key: Key, width: int = 1) -> Cell:
        if key not in cells:
            cells[key] = Cell.empty(width)
        return cells[key]

    months = data.months
    periods = [EARLIER, *months]
    for firm_id, (province, section, division, created) in data.firms.items():
        for key in (("fps", province, section), ("fp", province), ("fs", section), ("f",)):
            cell(key).add(1, firm_id)
        if division:
            cell(("fd", division)).add(1, firm_id)
        period = _month(created, months)
        if period is not None:
            cell(("fm", province, period)).add(1, firm_id)
            cell(("fmn", period)).add(1, firm_id)
    for firm_id, month, n in data.uses:
        province, section, _division, _created = data.firms[firm_id]
        for key in (("eps", province, section), ("ep", province), ("es", section), ("e",)):
            cell(key).add(n, firm_id)
        period = _month(month, months)
        if period is not None:
            cell(("em", province, period)).add(n, firm_id)
            cell(("emn", period)).add(n, firm_id)
    province_of = {firm_id: row[0] for firm_id, row in data.firms.items()}
    for absorber, source, month, n in data.flows:
        if source not in province_of:
            continue
        a, b = province_of[source], province_of[absorber]
        cell(("flow", a, b), 2).add(n, absorber, source)
        cell(("inflow", b), 2).add(n, absorber, source)
        if a != b:
            cell(("inflow_other", b), 2).add(n, absorber, source)
        period = _month(month, months)
        if period not in (None, EARLIER):
            cell(("x_all", period), 2).add(n, absorber, source)
            if a != b:
                cell(("x_cross", period), 2).add(n, absorber, source)
    for firm_id, n in data.assets:
        cell(("assets",)).add(n, firm_id)

    provinces = [code for code, _label in Province.choices]
    sections = [*SECTIONS, UNCLASSIFIED]
    lines: list[Line] = []
    for f, rows_total, cols_total, grand, by_month, month_total in (
        ("fps", "fp", "fs", "f", "fm", "fmn"),
        ("eps", "ep", "es", "e", "em", "emn"),
    ):
        lines += [Line(tuple((f, p, s) for s in sections), (rows_total, p)) for p in provinces]
        lines += [Line(tuple((f, p, s) for p in provinces), (cols_total, s)) for s in sections]
        lines += [Line(tuple((rows_total, p) for p in provinces), (grand,))]
        lines += [Line(tuple((cols_total, s) for s in sections), (grand,))]
        lines += [Line(tuple((by_month, p, m) for m in periods), (rows_total, p)) for p in provinces]
        lines += [Line(tuple((by_month, p, m) for p in provinces), (month_total, m)) for m in periods]
        lines += [Line(tuple((month_total, m) for m in periods), (grand,))]
    divisions_of: dict[str, list[str]] = {}
    for code, section, _zh, _en in SECTORS:
        divisions_of.setdefault(section, []).append(code)
    lines += [Line(tuple(("fd", d) for d in codes), ("fs", s)) for s, codes in divisions_of.items()]
    # A province's share of use from other provinces, with its published inflows, would give away the sum
    # of its hidden inflows: so each column of the flow table is a line whose total is the province's inflow.
    lines += [Line(tuple(("flow", a, b) for a in provinces), ("inflow", b)) for b in provinces]
    belt_figures.add_cells(data, cell, lines, province_of)
    hidden = protect(cells, lines, k)

    def value(key: Key) -> float | None:
        if key not in cells:
            return 0
        if key in hidden:
            return None
        number = cells[key].value
        return int(number) if float(number).is_integer() else number

    flows = {key: c for key, c in cells.items() if key[0] == "flow"}
    out: dict[str, Any] = {
        "k": k,
        "months": months,
        "national": {
            "firms": value(("f",)),
            "use_events": value(("e",)),
            "assets": value(("assets",)),
            "clusters": len(data.clusters),
        },
        "provinces": {
            p: {"firms": value(("fp", p)), "use_events": value(("ep", p))}
            for p in provinces
            if ("fp", p) in cells or ("ep", p) in cells
        },
        "sections": {
            s: {"firms": value(("fs", s)), "use_events": value(("es", s))} for s in sections if ("fs", s) in cells
        },
        "divisions": {key[1]: value(key) for key in cells if key[0] == "fd"},
        "firms": {},
        "use_events": {},
        "lq_firms": {},
        "lq_use_events": {},
        "firm_growth": {
            "provinces": {p: {m: value(("fm", p, m)) for m in periods} for p in provinces if ("fp", p) in cells},
            "national": {m: value(("fmn", m)) for m in periods},
        },
        "use_growth": {
            "provinces": {p: {m: value(("em", p, m)) for m in periods} for p in provinces if ("ep", p) in cells},
            "national": {m: value(("emn", m)) for m in periods},
        },
        "flows": sorted([key[1], key[2], value(key)] for key in flows),
        "inflow_share_other": {
            b: (
                None
                if ("inflow", b) in hidden
                else _share(cells.get(("inflow_other", b), Cell.empty(2)), cells[("inflow", b)], k)
            )
            for b in sorted({key[1] for key in cells if key[0] == "inflow"})
        },
        "cross_share": {
            m: _share(cells.get(("x_cross", m), Cell.empty(2)), cells[("x_all", m)], k)
            for m in months
            if ("x_all", m) in cells
        },
        "clusters": [
            {
                **{
                    name: c[name]
                    for name in ("id", "slug", "name_zh", "name_en", "home_province", "csi", "series", "endorsed_by")
                },
                "spillover_as_of": c.get("spillover_as_of"),
                "member_firms": len(c["firms"]),
            }
            for c in data.clusters
            if len(c["firms"]) >= k
        ],
    }
    out["cluster_costs"] = _cluster_costs(data, k=k)
    out["belts"], out["belt_flows"] = belt_figures.shape(
        data, cells, hidden, value, lambda part, whole: _share(part, whole, k)
    )
    for table, prefix, lq_name, row_key, col_key, grand in (
        ("firms", "fps", "lq_firms", "fp", "fs", "f"),
        ("use_events", "eps", "lq_use_events", "ep", "es", "e"),
    ):
        for cell_key in list(cells):
            if cell_key[0] != prefix:
                continue
            p, s = cell_key[1], cell_key[2]
            out[table].setdefault(p, {})[s] = value(cell_key)
            out[lq_name].setdefault(p, {})[s] = _lq(
                value(cell_key), value((row_key, p)), value((col_key, s)), value((grand,))
            )
    return out
