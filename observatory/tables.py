"""The open tables as published: one definition serves the pages' table views, CSV, XLSX, the Data
Package and the public API, so every surface shows the same hidden cells."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from observatory.compute import EARLIER, UNCLASSIFIED
from platform_.identity.data.sectors import SECTIONS, SECTORS
from platform_.identity.regions import Province

Row = list[Any]


@functools.cache
def province_names() -> dict[str, tuple[str, str]]:
    """Province code -> (Chinese name, English name)."""
    names: dict[str, list[str]] = {code: [] for code, _label in Province.choices}
    for language in ("zh-hans", "en"):
        with translation.override(language):
            for code, label in Province.choices:
                names[code].append(str(label))
    return {code: (pair[0], pair[1]) for code, pair in names.items()}


def section_names() -> dict[str, tuple[str, str]]:
    return {**SECTIONS, UNCLASSIFIED: ("未分类", "Unclassified")}


DIVISION_NAMES = {code: (zh, en) for code, _section, zh, en in SECTORS}


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type: string, integer, number
    title: Promise | str


@dataclass(frozen=True)
class Table:
    name: str
    title: Promise | str
    description: Promise | str
    fields: tuple[Field, ...]
    rows: Callable[[dict[str, Any]], Iterator[Row]]


def _province_fields(prefix: str = "province") -> tuple[Field, ...]:
    return (
        Field(prefix, "string", _("province code (GB/T 2260)")),
        Field(f"{prefix}_name_zh", "string", _("province (Chinese)")),
        Field(f"{prefix}_name_en", "string", _("province (English)")),
    )


def _province(code: str) -> Row:
    zh, en = province_names().get(code, ("", ""))
    return [code, zh, en]


SECTION_FIELDS = (
    Field("section", "string", _("section (GB/T 4754-2017)")),
    Field("section_name_zh", "string", _("section (Chinese)")),
    Field("section_name_en", "string", _("section (English)")),
)


def _section(code: str) -> Row:
    zh, en = section_names().get(code, ("", ""))
    return [code, zh, en]


def _province_sector_rows(measure: str, lq: str) -> Callable[[dict[str, Any]], Iterator[Row]]:
    def rows(data: dict[str, Any]) -> Iterator[Row]:
        for province, by_section in sorted(data.get(measure, {}).items()):
            for section, value in sorted(by_section.items()):
                yield [*_province(province), *_section(section), value, data[lq][province][section]]

    return rows


def _province_rows(data: dict[str, Any]) -> Iterator[Row]:
    for province, figures in sorted(data.get("provinces", {}).items()):
        share = data.get("inflow_share_other", {}).get(province)
        yield [*_province(province), figures["firms"], figures["use_events"], share]


def _division_rows(data: dict[str, Any]) -> Iterator[Row]:
    for code, value in sorted(data.get("divisions", {}).items()):
        zh, en = DIVISION_NAMES.get(code, ("", ""))
        section = next((s for c, s, _zh, _en in SECTORS if c == code), "")
        yield [code, zh, en, section, value]


def _flow_rows(data: dict[str, Any]) -> Iterator[Row]:
    for source, absorber, value in data.get("flows", []):
        yield [*_province(source), *_province(absorber), value]


def _growth_rows(data: dict[str, Any]) -> Iterator[Row]:
    firms, uses = data.get("firm_growth", {}), data.get("use_growth", {})
    periods = [EARLIER, *data.get("months", [])]
    national_firms, national_uses = firms.get("national", {}), uses.get("national", {})
    for period in periods:
        yield ["", "全国", "China", period, national_firms.get(period, 0), national_uses.get(period, 0)]
    provinces = sorted(set(firms.get("provinces", {})) | set(uses.get("provinces", {})))
    for province in provinces:
        by_firms = firms.get("provinces", {}).get(province, {})
        by_uses = uses.get("provinces", {}).get(province, {})
        for period in periods:
            yield [*_province(province), period, by_firms.get(period, 0), by_uses.get(period, 0)]


def _cross_rows(data: dict[str, Any]) -> Iterator[Row]:
    for month, share in sorted(data.get("cross_share", {}).items()):
        yield [month, share]


def _cluster_rows(data: dict[str, Any]) -> Iterator[Row]:
    for cluster in data.get("clusters", []):
        series = cluster.get("series") or [[None, None]]
        for month, value in series:
            yield [
                cluster["id"],
                cluster["slug"],
                cluster["name_zh"],
                cluster["name_en"],
                cluster["home_province"],
                cluster["member_firms"],
                month,
                value,
                cluster.get("spillover_as_of"),
            ]


def _cluster_cost_rows(data: dict[str, Any]) -> Iterator[Row]:
    for cluster in data.get("cluster_costs", []):
        for month, value in cluster["series"]:
            yield [cluster["id"], cluster["slug"], cluster["name_zh"], cluster["name_en"], month, value]


def _belt(data: dict[str, Any], belt_id: Any) -> Row:
    belt = data.get("belts", {}).get(str(belt_id), {})
    return [belt_id, belt.get("name_zh", ""), belt.get("name_en", "")]


def _belt_rows(data: dict[str, Any]) -> Iterator[Row]:
    for belt in sorted(data.get("belts", {}).values(), key=lambda b: b["id"]):
        yield [
            *_belt(data, belt["id"]),
            *_province(belt["province"]),
            belt["city"],
            " ".join(belt["sectors"]),
            belt["members"],
            belt["assets"],
            belt["projects"],
            belt["use_events"],
            belt["share_other_belts"],
            belt["share_other_provinces"],
        ]


def _belt_growth_rows(data: dict[str, Any]) -> Iterator[Row]:
    for belt in sorted(data.get("belts", {}).values(), key=lambda b: b["id"]):
        for period, figures in belt["growth"].items():
            shares = belt["share_series"].get(period, {})
            yield [
                *_belt(data, belt["id"]),
                period,
                figures["members"],
                figures["assets"],
                figures["projects"],
                figures["use_events"],
                shares.get("other_belts"),
                shares.get("other_provinces"),
            ]


def _belt_flow_rows(data: dict[str, Any]) -> Iterator[Row]:
    for source, absorber, value in data.get("belt_flows", []):
        yield [*_belt(data, source), *_belt(data, absorber), value]


def _belt_cluster_rows(data: dict[str, Any]) -> Iterator[Row]:
    for belt in sorted(data.get("belts", {}).values(), key=lambda b: b["id"]):
        for cluster in belt["clusters"]:
            yield [
                belt["id"],
                cluster["id"],
                cluster["slug"],
                cluster["name_zh"],
                cluster["name_en"],
                cluster["members_from_belt"],
            ]


def _belt_fields(prefix: str = "belt") -> tuple[Field, ...]:
    return (
        Field(f"{prefix}_id", "integer", _("belt")),
        Field(f"{prefix}_name_zh", "string", _("belt (Chinese)")),
        Field(f"{prefix}_name_en", "string", _("belt (English)")),
    )


BELT_SHARE_FIELDS = (
    Field("share_other_belts", "number", _("share of use from other belts")),
    Field("share_other_provinces", "number", _("share of use from other provinces")),
)
BELT_TABLES: tuple[Table, ...] = (
    Table(
        "belts",
        _("Online industry belts"),
        _(
            "Each belt's confirmed member firms, the assets they share, the projects they sponsor, their use "
            "events, and the share of their use of others' assets that comes from other belts and provinces."
        ),
        (
            *_belt_fields(),
            *_province_fields(),
            Field("city", "string", _("city or county")),
            Field("sectors", "string", _("divisions (GB/T 4754-2017)")),
            Field("members", "integer", _("confirmed member firms")),
            Field("assets", "integer", _("assets shared")),
            Field("projects", "integer", _("projects sponsored")),
            Field("use_events", "integer", _("use events")),
            *BELT_SHARE_FIELDS,
        ),
        _belt_rows,
    ),
    Table(
        "belt_growth",
        _("Belts' growth"),
        _(
            "Per belt and month: members confirmed, assets shared, projects sponsored, use events, shares of use "
            "from other belts and provinces ('earlier': before the window)."
        ),
        (
            *_belt_fields(),
            Field("period", "string", _("month")),
            Field("new_members", "integer", _("new members")),
            Field("assets", "integer", _("assets shared")),
            Field("projects", "integer", _("projects sponsored")),
            Field("use_events", "integer", _("use events")),
            *BELT_SHARE_FIELDS,
        ),
        _belt_growth_rows,
    ),
    Table(
        "flows_between_belts",
        _("Knowledge flows between belts"),
        _("Use events of one belt's members on assets owned by members of another belt."),
        (*_belt_fields("source_belt"), *_belt_fields("absorber_belt"), Field("use_events", "integer", _("use events"))),
        _belt_flow_rows,
    ),
    Table(
        "belt_clusters",
        _("Clusters reaching into belts"),
        _("Approved virtual clusters with members from a belt, and how many of the belt's members they have."),
        (
            Field("belt_id", "integer", _("belt")),
            Field("cluster_id", "integer", _("cluster")),
            Field("slug", "string", _("short name")),
            Field("name_zh", "string", _("name (Chinese)")),
            Field("name_en", "string", _("name (English)")),
            Field("members_from_belt", "integer", _("member firms from the belt")),
        ),
        _belt_cluster_rows,
    ),
)

TABLES: tuple[Table, ...] = (
    Table(
        "provinces",
        _("Provinces"),
        _("Firms and their knowledge use per province, with the share of use drawn from other provinces."),
        (
            *_province_fields(),
            Field("firms", "integer", _("firms")),
            Field("use_events", "integer", _("use events")),
            Field("inflow_share_other_provinces", "number", _("share of use from other provinces")),
        ),
        _province_rows,
    ),
    Table(
        "firms_by_province_section",
        _("Firms by province and section"),
        _("Firms per province and section of their primary sector, with the location quotient."),
        (
            *_province_fields(),
            *SECTION_FIELDS,
            Field("firms", "integer", _("firms")),
            Field("location_quotient", "number", _("location quotient")),
        ),
        _province_sector_rows("firms", "lq_firms"),
    ),
    Table(
        "use_by_province_section",
        _("Knowledge use by province and section"),
        _("Use events by the using firm's province and primary section, with the location quotient."),
        (
            *_province_fields(),
            *SECTION_FIELDS,
            Field("use_events", "integer", _("use events")),
            Field("location_quotient", "number", _("location quotient")),
        ),
        _province_sector_rows("use_events", "lq_use_events"),
    ),
    Table(
        "firms_by_division",
        _("Firms by industry division"),
        _("Firms per division (GB/T 4754-2017) of their primary sector, nationally."),
        (
            Field("division", "string", _("division")),
            Field("division_name_zh", "string", _("division (Chinese)")),
            Field("division_name_en", "string", _("division (English)")),
            Field("section", "string", _("section")),
            Field("firms", "integer", _("firms")),
        ),
        _division_rows,
    ),
    Table(
        "flows_between_provinces",
        _("Knowledge flows between provinces"),
        _("Use events of firms in one province on assets owned by firms in another (or the same) province."),
        (
            *_province_fields("source"),
            *_province_fields("absorber"),
            Field("use_events", "integer", _("use events")),
        ),
        _flow_rows,
    ),
    Table(
        "monthly_growth",
        _("Monthly growth"),
        _("Firms joining and use events per month, nationally and per province ('earlier': before the window)."),
        (
            *_province_fields(),
            Field("period", "string", _("month")),
            Field("new_firms", "integer", _("new firms")),
            Field("use_events", "integer", _("use events")),
        ),
        _growth_rows,
    ),
    Table(
        "cross_province_share",
        _("Share of knowledge use crossing provinces"),
        _("Per month, the share of use events on assets owned in another province."),
        (Field("month", "string", _("month")), Field("share", "number", _("share"))),
        _cross_rows,
    ),
    Table(
        "cluster_spillover_index",
        _("Cluster spillover index"),
        _(
            "The spillover index of each approved virtual cluster with enough member firms, per month, as of the "
            "last full spillover run (its time in the last column)."
        ),
        (
            Field("cluster_id", "integer", _("cluster")),
            Field("slug", "string", _("short name")),
            Field("name_zh", "string", _("name (Chinese)")),
            Field("name_en", "string", _("name (English)")),
            Field("home_province", "string", _("home province")),
            Field("member_firms", "integer", _("member firms")),
            Field("month", "string", _("month")),
            Field("spillover_index", "number", _("spillover index")),
            Field("spillover_as_of", "string", _("as of the last full spillover run")),
        ),
        _cluster_rows,
    ),
    Table(
        "cluster_cost_per_use",
        _("Cluster cost per use"),
        _(
            "Per approved virtual cluster whose costed assets belong to enough member firms, per month: the "
            "creation cost of the assets its members own, to date, divided by their uses by other firms, to date."
        ),
        (
            Field("cluster_id", "integer", _("cluster")),
            Field("slug", "string", _("short name")),
            Field("name_zh", "string", _("name (Chinese)")),
            Field("name_en", "string", _("name (English)")),
            Field("month", "string", _("month")),
            Field("cost_per_use", "number", _("cost per use (CNY)")),
        ),
        _cluster_cost_rows,
    ),
    *BELT_TABLES,
)
TABLES_BY_NAME = {table.name: table for table in TABLES}
