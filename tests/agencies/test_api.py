"""The open agencies API: verified agencies only, their kind, regions and endorsements, never their people."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from agencies import services
from agencies.models import AgencyKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_throttle() -> None:
    cache.clear()


def test_the_api_lists_only_verified_agencies_and_never_people(land: dict[str, Any]) -> None:
    pending = services.agency_register(
        by=land["zj"][0][1], name_zh="待核实的工信局", kind=AgencyKind.CITY, regions=[("33", "杭州")]
    )
    services.endorsement_set(agency=land["agency"], cluster=land["a"], by=land["officer"], endorse=True)
    client = Client(REMOTE_ADDR="198.51.100.20")
    response = client.get("/api/v1/agencies/")
    assert response.status_code == 200
    body = response.json()
    rows = body["results"]
    assert [row["id"] for row in rows] == [land["agency"].pk]
    assert rows[0]["kind"] == "province"
    assert rows[0]["regions"] == [{"province": "33", "city": ""}]
    assert rows[0]["endorsements"] == 1

    detail = client.get(f"/api/v1/agencies/{land['agency'].pk}/").json()
    assert [(e["cluster_id"], e["cluster_name"]) for e in detail["active_endorsements"]] == [
        (land["a"].pk, land["a"].name)
    ]
    assert client.get(f"/api/v1/agencies/{pending.pk}/").status_code == 404

    text = json.dumps(body) + json.dumps(detail)
    people = [land["officer"], land["admin"], land["zj"][0][1]]
    for person in people:
        assert person.email not in text
        assert not person.display_name or person.display_name not in text
    assert "@" not in text
    for key in ("members", "registered_by", "decided_by", "endorsed_by", "decision_reason"):
        assert key not in rows[0]
        assert key not in detail


def test_the_agencies_api_is_throttled_per_client_address(land: dict[str, Any], settings: Any) -> None:
    settings.OPEN_DATA_RATE = "2/min"
    one, other = Client(REMOTE_ADDR="198.51.100.21"), Client(REMOTE_ADDR="198.51.100.22")
    assert [one.get("/api/v1/agencies/").status_code for _ in range(3)] == [200, 200, 429]
    assert other.get("/api/v1/agencies/").status_code == 200
