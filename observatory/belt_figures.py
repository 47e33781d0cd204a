"""The belts' open figures: protected in the same set of cells as the other open tables.

The belts package reads its part of the record (``belts.open_statistics``, registered with
``observatory.compute.extract_register``), so the observatory imports no belt model.

A belt counts its confirmed members only (active, not opted out). Its growth per period (the window's
months and ``earlier``) adds up to its total; its knowledge use from outside is the use its members make
of assets owned by other firms, split by where the owners are: in another belt, in another province.
Belts may nest (a city's belt inside its province's belt): a larger belt's figure minus a smaller one's
then describes the firms of the difference, so each such difference is an unpublished cell in a line and
the usual complementary suppression keeps it from being recovered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from observatory.disclosure import Cell, Key, Line

MEASURES = ("members", "assets", "projects", "use_events")
# What the belts package's extractor (registered with observatory.compute) reads from the record.
EMPTY: dict[str, Any] = {"belts": [], "assets": [], "projects": []}
EARLIER = "earlier"


def _period(month: str, months: list[str]) -> str | None:
    if month < months[0]:
        return EARLIER
    return month if month <= months[-1] else None


def add_cells(
    data: Any, cell: Callable[..., Cell], lines: list[Line], province_of: dict[int, str]
) -> dict[str, set[int]]:
    """Add the belts' cells and lines to the observatory's; returns each belt's members (id as text)."""
    months: list[str] = data.months
    periods = [EARLIER, *months]
    belts = data.extra.get("belts", EMPTY)["belts"]
    members = {str(b["id"]): set(b["members"]) for b in belts}
    in_belts: dict[int, set[str]] = {}
    for belt_id, firms in members.items():
        for firm in firms:
            in_belts.setdefault(firm, set()).add(belt_id)

    # Per firm and period, what each firm-based measure adds (the members' join month is per belt).
    per_firm: dict[str, dict[str, dict[int, float]]] = {m: {} for m in MEASURES[1:]}
    for measure, series in (
        ("assets", data.extra.get("belts", EMPTY)["assets"]),
        ("projects", data.extra.get("belts", EMPTY)["projects"]),
        ("use_events", data.uses),
    ):
        for firm, month, n in series:
            if firm not in in_belts:
                continue
            period = _period(month, months)
            if period is None:
                continue
            for key in ("", period):
                per_firm[measure].setdefault(key, {})
                per_firm[measure][key][firm] = per_firm[measure][key].get(firm, 0) + n

    def fill(key: Key, firms: set[int], measure: str, period: str) -> None:
        target = cell(key)
        if measure == "members":
            for firm in firms:
                target.add(1, firm)
            return
        values = per_firm[measure].get(period, {})
        for firm in firms:
            if firm in values:
                target.add(values[firm], firm)

    for b in belts:
        belt_id = str(b["id"])
        fill(("b", "members", belt_id, ""), members[belt_id], "members", "")
        for firm, month in b["members"].items():
            period = _period(month, months)
            if period is not None:
                cell(("b", "members", belt_id, period)).add(1, firm)
        for measure in MEASURES[1:]:
            for period in ["", *periods]:
                fill(("b", measure, belt_id, period), members[belt_id], measure, period)
        for measure in MEASURES:
            lines.append(Line(tuple(("b", measure, belt_id, p) for p in periods), ("b", measure, belt_id, "")))

    # Nested belts: the difference of two published figures describes the firms of the larger belt only.
    for small, inner in members.items():
        for large, outer in members.items():
            if small == large or not inner or not inner < outer:
                continue
            extra = outer - inner
            for measure in MEASURES:
                for period in [""] if measure == "members" else ["", *periods]:
                    diff = ("bd", measure, small, large, period)
                    fill(diff, extra, measure, period)
                    lines.append(Line((("b", measure, small, period), diff), ("b", measure, large, period)))

    province_of_belt = {str(b["id"]): b["province"] for b in belts}
    for absorber, source, month, n in data.flows:
        if absorber not in in_belts or source not in province_of:
            continue
        period = _period(month, months)
        for b in in_belts[absorber]:
            cell(("bin", b), 2).add(n, absorber, source)
            outside = [a for a in in_belts.get(source, set()) if a != b]
            other_belt = source not in members[b] and bool(outside)
            other_province = province_of[source] != province_of_belt[b]
            if other_belt:
                cell(("bin_belt", b), 2).add(n, absorber, source)
            if other_province:
                cell(("bin_prov", b), 2).add(n, absorber, source)
            if period not in (None, EARLIER):
                cell(("bx", "all", b, period), 2).add(n, absorber, source)
                if other_belt:
                    cell(("bx", "belt", b, period), 2).add(n, absorber, source)
                if other_province:
                    cell(("bx", "prov", b, period), 2).add(n, absorber, source)
            if source not in members[b]:
                for a in outside:
                    cell(("bflow", a, b), 2).add(n, absorber, source)
    for b in members:
        lines.append(Line(tuple(("bflow", a, b) for a in members if a != b), ("bin_belt", b)))

    for cluster in data.clusters:
        for firm in cluster["firms"]:
            for b in in_belts.get(firm, set()):
                cell(("bc", b, str(cluster["id"]))).add(1, firm)
    return members


def shape(
    data: Any,
    cells: dict[Key, Cell],
    hidden: set[Key],
    value: Callable[[Key], Any],
    share: Callable[[Cell, Cell], float | None],
) -> tuple[dict[str, Any], list[list[Any]]]:
    """The published belt figures (None where hidden) and the flows between belts."""
    periods = [EARLIER, *data.months]
    clusters = {str(c["id"]): c for c in data.clusters}

    def ratio(part: Key, whole: Key, guard: Key | None = None) -> float | None:
        if whole not in cells or (guard is not None and guard in hidden):
            return None
        return share(cells.get(part, Cell.empty(2)), cells[whole])

    out: dict[str, Any] = {}
    for b in data.extra.get("belts", EMPTY)["belts"]:
        belt_id = str(b["id"])
        reaching = []
        for key in sorted(k for k in cells if k[0] == "bc" and k[1] == belt_id and k not in hidden):
            c = clusters[key[2]]
            reaching.append(
                {
                    "id": c["id"],
                    "slug": c["slug"],
                    "name_zh": c["name_zh"],
                    "name_en": c["name_en"],
                    "members_from_belt": value(key),
                }
            )
        out[belt_id] = {
            **{name: b[name] for name in ("id", "name_zh", "name_en", "province", "city", "sectors")},
            **{measure: value(("b", measure, belt_id, "")) for measure in MEASURES},
            "growth": {p: {m: value(("b", m, belt_id, p)) for m in MEASURES} for p in periods},
            "share_other_belts": ratio(("bin_belt", belt_id), ("bin", belt_id), ("bin_belt", belt_id)),
            "share_other_provinces": ratio(("bin_prov", belt_id), ("bin", belt_id)),
            "share_series": {
                m: {
                    "other_belts": ratio(("bx", "belt", belt_id, m), ("bx", "all", belt_id, m)),
                    "other_provinces": ratio(("bx", "prov", belt_id, m), ("bx", "all", belt_id, m)),
                }
                for m in data.months
                if ("bx", "all", belt_id, m) in cells
            },
            "clusters": reaching,
        }
    flows = sorted([int(key[1]), int(key[2]), value(key)] for key in cells if key[0] == "bflow")
    return out, flows
