"""Belts' public figures: computed in the observatory refresh, checked against the record, protected (k firms)."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from django.test import Client

from belts.models import BeltMember, BeltMemberStatus
from knowledge.models import AssetOwnership, AssetStatus, UseEvent
from observatory.models import OpenStatistics
from observatory.services import open_statistics_refresh
from tests.belts.conftest import Land

pytestmark = pytest.mark.django_db
K = 3


def refreshed(k: int = K) -> OpenStatistics:
    stats = open_statistics_refresh(k=k)
    assert stats is not None
    return stats


def _members(belt_id: int) -> set[int]:
    return set(
        BeltMember.objects.filter(belt_id=belt_id, status=BeltMemberStatus.CONFIRMED, firm__is_active=True).values_list(
            "firm_id", flat=True
        )
    )


def _contributors(measure: str, firms: set[int]) -> tuple[int, set[int]]:
    """The figure the record gives for these firms, and the firms it describes."""
    if measure == "members":
        return len(firms), firms
    if measure == "assets":
        rows = list(
            AssetOwnership.objects.filter(firm_id__in=firms, asset__status=AssetStatus.PUBLISHED).values_list(
                "firm_id", flat=True
            )
        )
    elif measure == "use_events":
        rows = list(UseEvent.objects.filter(firm_id__in=firms).values_list("firm_id", flat=True))
    else:
        return 0, set()
    return len(rows), set(rows)


def test_belt_figures_match_the_record_and_count_only_confirmed_members(land: Land) -> None:
    data = refreshed().data
    hangzhou = data["belts"][str(land.hangzhou.pk)]
    assert hangzhou["members"] == len(_members(land.hangzhou.pk)) == 4
    assert hangzhou["assets"] == _contributors("assets", _members(land.hangzhou.pk))[0] == 4
    suzhou = data["belts"][str(land.suzhou.pk)]
    # The fifth Suzhou firm uses the same assets but only suggested, so its three uses do not count.
    assert suzhou["use_events"] == _contributors("use_events", _members(land.suzhou.pk))[0] == 12
    assert UseEvent.objects.filter(firm__city="宿州").count() == 15
    assert suzhou["share_other_provinces"] == 1.0
    assert suzhou["share_other_belts"] == 1.0
    assert [land.hangzhou.pk, land.suzhou.pk, 12] in data["belt_flows"]
    assert [c["id"] for c in suzhou["clusters"]] == [land.cluster.pk]
    assert suzhou["clusters"][0]["members_from_belt"] == 3
    months = {e.day.strftime("%Y-%m") for e in UseEvent.objects.filter(firm__city="宿州")}
    assert set(suzhou["share_series"]) == months
    assert all(suzhou["share_series"][m]["other_provinces"] in (1.0, None) for m in months)


def test_no_published_belt_figure_describes_fewer_than_k_firms(land: Land) -> None:
    data = refreshed().data
    # One Suzhou member shares one asset: hidden.
    assert data["belts"][str(land.suzhou.pk)]["assets"] is None
    for belt_id, belt in data["belts"].items():
        firms = _members(int(belt_id))
        for measure in ("members", "assets", "use_events"):
            value, described = _contributors(measure, firms)
            if belt[measure] is not None and belt[measure] != 0:
                assert belt[measure] == value
                assert len(described) >= K, (belt_id, measure)
        for cluster in belt["clusters"]:
            assert cluster["members_from_belt"] >= K
    for _source, _absorber, value in data["belt_flows"]:
        assert value is None or value == 0 or value >= K


def test_nested_belts_cannot_be_subtracted_to_reveal_fewer_than_k_firms(land: Land) -> None:
    """Suzhou's four members lie inside Anhui's five: publishing both counts would give away Hefei's one firm."""
    data = refreshed().data
    inner, outer = data["belts"][str(land.suzhou.pk)], data["belts"][str(land.anhui.pk)]
    assert inner["members"] is None or outer["members"] is None
    for measure in ("members", "assets", "use_events"):
        if inner[measure] is None or outer[measure] is None:
            continue
        extra = _members(land.anhui.pk) - _members(land.suzhou.pk)
        value, described = _contributors(measure, extra)
        assert outer[measure] - inner[measure] == value
        assert value == 0 or len(described) >= K


def test_belt_tables_are_in_the_downloads_and_the_open_api(land: Land) -> None:
    refreshed()
    client = Client(headers={"accept-language": "en"})
    rows = list(csv.DictReader(io.StringIO(client.get("/observatory/data/belts.csv").content.decode())))
    by_id = {int(row["belt_id"]): row for row in rows}
    assert by_id[land.hangzhou.pk]["members"] == "4"
    assert by_id[land.suzhou.pk]["assets"] == ""
    api = client.get("/api/v1/open/tables/flows_between_belts/").json()
    assert {"source_belt_id": land.hangzhou.pk, "absorber_belt_id": land.suzhou.pk, "use_events": 12}.items() <= next(
        row for row in api["rows"] if row["absorber_belt_id"] == land.suzhou.pk
    ).items()
    package = client.get("/observatory/data/datapackage.json").json()
    assert {"belts", "belt-growth", "flows-between-belts", "belt-clusters"} <= {r["name"] for r in package["resources"]}


def test_the_public_belt_page_shows_the_computed_figures(land: Land) -> None:
    refreshed()
    client = Client(headers={"accept-language": "en"})
    page = client.get(f"/belts/{land.hangzhou.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert re.search(r'data-testid="belt-members">\s*4\s*<', text)
    assert "Suzhou belt" in text  # its flows out go to the Suzhou belt
    listing = client.get("/belts/").content.decode()
    assert "Hangzhou belt" in listing
    assert "Anhui apparel belt" in listing
    observatory = client.get("/observatory/").content.decode()
    assert 'data-testid="observatory-belts"' in observatory
    assert "Hangzhou belt" in observatory
    assert client.get("/belts/999999/").status_code == 404


def test_a_belt_made_after_the_refresh_waits_for_the_next_one(land: Land) -> None:
    refreshed()
    from belts import services
    from tests.observatory.conftest import sector

    later = services.belt_create(
        by=land.admin, name_zh="新", name_en="New", province="51", city="成都", sectors=[sector("21", "C")]
    )
    assert 'data-testid="belt-pending"' in Client().get(f"/belts/{later.pk}/").content.decode()
    assert refreshed().data["belts"][str(later.pk)]["members"] == 0


def _answer(client: Client, belt_id: int, confirm: str) -> Any:
    return client.post(f"/belts/{belt_id}/answer/", {"confirm": confirm})


def test_a_firm_owner_confirms_in_the_browser(land: Land) -> None:
    firm, owner = land.firms["suzhou"][4]
    client = Client(headers={"accept-language": "en"})
    client.force_login(owner)
    assert "Suzhou belt" in client.get("/belts/mine/").content.decode()
    assert _answer(client, land.suzhou.pk, "1").status_code == 302
    assert firm.pk in _members(land.suzhou.pk)
    _answer(client, land.suzhou.pk, "0")
    assert firm.pk not in _members(land.suzhou.pk)


def test_the_observatory_shows_the_belts_each_cluster_reaches_into(land: Land) -> None:
    data = refreshed().data
    page = Client(headers={"accept-language": "en"}).get("/observatory/clusters/").content.decode()
    for belt in (land.suzhou, land.anhui, land.hangzhou):
        assert land.cluster.pk in [c["id"] for c in data["belts"][str(belt.pk)]["clusters"]]
        assert f'href="/belts/{belt.pk}/"' in page
