"""The open tables computed from the record: aggregates only, small cells hidden, opted-out firms nowhere."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from openpyxl import load_workbook

from observatory import exports
from observatory.models import OpenStatistics, OpenStatisticsOptOut
from observatory.services import open_statistics_refresh
from observatory.tables import TABLES, TABLES_BY_NAME
from platform_.identity.models import Firm
from tests.observatory.conftest import World

pytestmark = pytest.mark.django_db


def refreshed(k: int) -> OpenStatistics:
    stats = open_statistics_refresh(k=k)
    assert stats is not None
    return stats


def _published_cells(data: dict[str, Any]) -> list[tuple[str, Any]]:
    """Every number an outsider can read, with where it came from."""
    out: list[tuple[str, Any]] = []

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{prefix}.{key}", inner)
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                walk(f"{prefix}[{index}]", inner)
        else:
            out.append((prefix, value))

    walk("", data)
    return out


def test_no_published_firm_count_describes_fewer_than_k_firms(world: World) -> None:
    stats = refreshed(3)
    assert stats is not None
    data = stats.data
    for province, by_section in data["firms"].items():
        for section, value in by_section.items():
            assert value is None or value == 0 or value >= 3, (province, section, value)
    for province, figures in data["provinces"].items():
        assert figures["firms"] is None or figures["firms"] >= 3, province
    # Tibet has one firm: its count, its section cell and its growth are hidden.
    assert data["provinces"]["54"]["firms"] is None
    assert data["firms"]["54"]["C"] is None
    assert all(v in (None, 0) for v in data["firm_growth"]["provinces"]["54"].values())
    # Zhejiang's one software firm is hidden, and so is a companion cell, so the province total cannot give it away.
    assert data["firms"]["33"]["I"] is None
    hidden_in_row = [s for s, v in data["firms"]["33"].items() if v is None]
    assert len(hidden_in_row) >= 2 or data["provinces"]["33"]["firms"] is None


def test_differencing_two_published_tables_recovers_no_hidden_cell(world: World) -> None:
    """A province's total (from the provinces table) minus its listed sections (from the province x section table)."""
    data = refreshed(3).data
    firms_of: dict[tuple[str, str], set[int]] = {}
    for firm in Firm.objects.prefetch_related("sectors"):
        firms_of.setdefault((firm.province, min(s.section for s in firm.sectors.all())), set()).add(firm.pk)
    provinces_table = {row[0]: row for row in TABLES_BY_NAME["provinces"].rows(data)}
    cells_table = list(TABLES_BY_NAME["firms_by_province_section"].rows(data))
    for province, row in provinces_table.items():
        total = row[3]
        if total is None:
            continue
        listed = [r for r in cells_table if r[0] == province]
        hidden = [r for r in listed if r[6] is None]
        recovered = total - sum(r[6] for r in listed if r[6] is not None)
        if not hidden:
            assert recovered == 0
            continue
        firms = set().union(*(firms_of.get((province, r[3]), set()) for r in hidden))
        assert len(hidden) >= 2, (province, [r[3] for r in hidden], recovered)
        assert len(firms) >= 3, (province, [r[3] for r in hidden], recovered)


def test_an_opted_out_firm_cannot_be_found(world: World) -> None:
    lonely = world.firms["zj_software"][0]
    OpenStatisticsOptOut.objects.create(firm=lonely)
    data = refreshed(3).data
    counted = Firm.objects.exclude(pk=lonely.pk).count()
    assert data["national"]["firms"] == counted
    assert "I" not in data["firms"].get("33", {})
    # Its use of a Zhejiang asset is gone too: every use event left is a Guangdong or Tibet firm's.
    assert data["national"]["use_events"] == 4 * 3 + 1
    text = json.dumps(data, ensure_ascii=False)
    assert str(lonely.name_zh) not in text
    assert str(lonely.credit_code) not in text


def test_an_opted_out_owner_takes_the_use_of_its_assets_with_it(world: World) -> None:
    owner = world.firms["zj_textile"][0]  # its asset was used by the four Guangdong firms and by Tibet
    OpenStatisticsOptOut.objects.create(firm=owner)
    data = refreshed(3).data
    assert data["national"]["use_events"] == 4 * 2 + 1  # assets 1 and 2 by Guangdong; the software firm's use


def test_flows_between_provinces_need_k_firms_on_each_side(world: World) -> None:
    data = refreshed(3).data
    flows = {(a, b): v for a, b, v in data["flows"]}
    assert flows[("33", "44")] == 12  # four absorbers, three source firms
    assert flows[("33", "54")] is None  # one absorber in Tibet
    assert data["inflow_share_other"]["44"] == 1.0


def test_clusters_with_fewer_than_k_counted_members_are_not_published(world: World) -> None:
    data = refreshed(3).data
    assert [c["id"] for c in data["clusters"]] == [world.cluster.pk]
    assert data["clusters"][0]["member_firms"] == 8
    assert "firms" not in data["clusters"][0]
    data = refreshed(9).data
    assert data["clusters"] == []


def test_refresh_makes_one_set_current_and_keeps_three(world: World) -> None:
    for _ in range(5):
        refreshed(3)
    assert OpenStatistics.objects.filter(is_current=True).count() == 1
    assert OpenStatistics.objects.count() == 3


def test_csv_xlsx_and_data_package_agree(world: World) -> None:
    stats = refreshed(3)
    package = exports.datapackage(stats, base_url="http://testserver/observatory/data/")
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert [r["name"] for r in package["resources"]] == [t.name.replace("_", "-") for t in TABLES]
    book = load_workbook(io.BytesIO(exports.workbook_xlsx(stats)), read_only=True)
    for table, resource in zip(TABLES, package["resources"], strict=True):
        rows = list(csv.reader(io.StringIO(exports.table_csv(table, stats))))
        assert rows[0] == [f["name"] for f in resource["schema"]["fields"]]
        sheet_rows = list(book[table.name[:31]].iter_rows(values_only=True))
        assert list(sheet_rows[0]) == rows[0]
        assert len(sheet_rows) == len(rows)
        for field, values in zip(resource["schema"]["fields"], zip(*rows[1:], strict=False), strict=False):
            for value in values:
                if value == "":
                    continue
                if field["type"] == "integer":
                    int(value)
                elif field["type"] == "number":
                    float(value)


def test_a_completed_spillover_run_is_announced_to_the_observatory(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    """The observatory's handler subscribes to the run's completion; the run publishes it after commit.

    The handler itself only queues the refresh task, so it is set aside here (nothing is left in the broker)
    and a listener of the test's own hears the event instead.
    """
    from platform_ import events
    from spillover import services as spillover

    ours = [
        (pattern, handler)
        for pattern, handler in events._subscribers
        if pattern == "spillover.run.completed" and handler.__module__ == "observatory.handlers"
    ]
    assert len(ours) == 1
    heard: list[dict[str, Any]] = []

    def listen(name: str, payload: dict[str, Any]) -> None:
        heard.append(payload)

    events._subscribers.remove(ours[0])
    events.subscribe("spillover.run.completed", listen)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            run = spillover.run_compute(run_id=spillover.run_start().pk)
    finally:
        events._subscribers.remove(("spillover.run.completed", listen))
        events._subscribers.append(ours[0])
    assert heard == [{"run_id": run.pk}]
