"""The agencies' forms offer sectors and provinces as searchable pickers (Tom Select over a multiple select),
and what is picked is saved as before."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from agencies.models import Agency, Guidance

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def test_the_guidance_form_shows_pickers_not_checkbox_walls(land: dict[str, Any]) -> None:
    text = _client(land["officer"]).get(f"/agencies/{land['agency'].pk}/guidance/new/").text
    assert '<select name="sectors"' in text
    assert '<select name="provinces"' in text
    assert text.count("data-searchable") == 2
    assert 'type="checkbox" name="sectors"' not in text


def test_sectors_and_provinces_picked_in_the_guidance_form_are_saved(land: dict[str, Any]) -> None:
    response = _client(land["officer"]).post(
        f"/agencies/{land['agency'].pk}/guidance/new/",
        {"kind": "policy", "title": "Textile notice", "body": "…", "valid_from": "2026-01-01"}
        | {"sectors": [land["textile"].pk, land["software"].pk], "provinces": ["33"]},
    )
    assert response.status_code == 302
    guidance = Guidance.objects.get()
    assert set(guidance.sectors.all()) == {land["textile"], land["software"]}
    assert guidance.provinces == ["33"]


def test_provinces_picked_when_registering_an_agency_are_saved(land: dict[str, Any]) -> None:
    client = _client(land["zj"][0][1])
    assert '<select name="provinces"' in client.get("/agencies/").text
    response = client.post("/agencies/", {"name_zh": "长三角合作办公室", "kind": "province", "provinces": ["33", "32"]})
    assert response.status_code == 302
    agency = Agency.objects.get(name_zh="长三角合作办公室")
    assert sorted(region.province for region in agency.regions.all()) == ["32", "33"]
