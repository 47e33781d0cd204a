"""The belts API (public aggregates, throttled per address) and the guidance API (the API key's firm)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from agencies import services as agency_services
from agencies.models import GuidanceKind
from observatory.services import open_statistics_refresh
from tests.api.factories import bearer, issue_key
from tests.belts.conftest import Land, agency
from tests.observatory.conftest import sector

pytestmark = pytest.mark.django_db


def test_the_belts_api_serves_the_published_figures_without_a_key(land: Land) -> None:
    stats = open_statistics_refresh(k=3)
    assert stats is not None
    client = Client()
    listing = client.get("/api/v1/belts/")
    assert listing.status_code == 200
    rows = {row["id"]: row for row in listing.json()["results"]}
    assert rows[land.hangzhou.pk]["figures"]["members"] == stats.data["belts"][str(land.hangzhou.pk)]["members"] == 4
    assert rows[land.suzhou.pk]["figures"]["assets"] is None
    assert rows[land.suzhou.pk]["sectors"] == ["18"]
    one = client.get(f"/api/v1/belts/{land.suzhou.pk}/").json()
    assert one["figures"]["use_events"] == 12
    assert {"belt": land.hangzhou.pk, "use_events": 12} in one["flows_in"]
    missing = client.get("/api/v1/belts/999999/")
    assert missing.status_code == 404
    assert missing["Content-Type"].startswith("application/problem+json")


@override_settings(OPEN_DATA_RATE="2/min")
def test_the_belts_api_is_throttled_per_client_address(land: Land) -> None:
    cache.clear()
    client = Client(REMOTE_ADDR="203.0.113.9")
    assert [client.get("/api/v1/belts/").status_code for _ in range(3)] == [200, 200, 429]
    assert Client(REMOTE_ADDR="203.0.113.10").get("/api/v1/belts/").status_code == 200
    cache.clear()


def test_the_guidance_api_lists_what_reaches_the_keys_firm(land: Land) -> None:
    anhui_agency, officer = agency(admin=land.admin, regions=[("34", "")])
    zhejiang_agency, zj_officer = agency(admin=land.admin, regions=[("33", "")])
    today = date.today()
    apparel = agency_services.guidance_publish(
        agency=anhui_agency, by=officer, kind=GuidanceKind.SUBSIDY, title="服装补贴", body="…",
        valid_from=today - timedelta(days=1), sectors=[sector("18", "C")],
    )  # fmt: skip
    agency_services.guidance_publish(
        agency=anhui_agency, by=officer, kind=GuidanceKind.POLICY, title="食品", body="…",
        valid_from=today - timedelta(days=1), sectors=[sector("13", "C")],
    )  # fmt: skip
    agency_services.guidance_publish(
        agency=zhejiang_agency, by=zj_officer, kind=GuidanceKind.CALL, title="浙江", body="…",
        valid_from=today - timedelta(days=1),
    )  # fmt: skip
    firm, owner = land.firms["suzhou"][0]
    issued = issue_key(firm=firm, by=owner, scopes=["guidance:read"])
    response = Client().get("/api/v1/guidance/", **bearer(issued.token))
    assert response.status_code == 200
    assert [(g["id"], g["agency"]["id"], g["sectors"]) for g in response.json()["results"]] == [
        (apparel.pk, anhui_agency.pk, ["18"])
    ]
    without = issue_key(firm=firm, by=owner, scopes=["clusters:read"])
    assert Client().get("/api/v1/guidance/", **bearer(without.token)).status_code == 403
    assert Client().get("/api/v1/guidance/").status_code in (401, 403)
