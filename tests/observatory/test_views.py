"""The open observatory's pages, downloads and public API: no login, both languages, clear errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from observatory.models import OpenStatisticsOptOut
from observatory.services import open_statistics_refresh
from tests.factories import firm_with_owner, person_in
from tests.observatory.conftest import World

pytestmark = pytest.mark.django_db

PAGES = [
    "/observatory/",
    "/observatory/?measure=use_events",
    "/observatory/provinces/33/",
    "/observatory/provinces/54/",
    "/observatory/sections/C/",
    "/observatory/clusters/",
    "/observatory/compare/?p=33&p=44&p=54",
    "/observatory/data/",
]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("url", PAGES)
def test_every_page_serves_anonymously_in_both_languages(world: World, url: str, language: str) -> None:
    open_statistics_refresh(k=3)
    response = Client(headers={"accept-language": language}).get(url)
    assert response.status_code == 200
    assert response["Content-Language"] == language
    body = response.content.decode()
    assert ("开放观察" in body) == (language == "zh-hans")


def test_a_page_costs_two_queries_whatever_the_record(world: World, django_assert_max_num_queries: object) -> None:
    open_statistics_refresh(k=3)
    client = Client()
    client.get("/observatory/")  # the first read parses the current set; later reads reuse it
    with django_assert_max_num_queries(2):  # type: ignore[operator]
        assert client.get("/observatory/provinces/33/").status_code == 200


def test_the_map_marks_hidden_provinces_and_links_each_tile(world: World) -> None:
    open_statistics_refresh(k=3)
    body = Client().get("/observatory/").content.decode()
    assert body.count('class="obs-tile ') == 34
    assert 'data-code="54"' in body
    assert "b-hidden" in body
    assert 'href="/observatory/provinces/33/"' in body


def test_comparing_more_than_ten_provinces_is_a_clear_error(world: World) -> None:
    open_statistics_refresh(k=3)
    codes = "&".join(f"p={c}" for c in ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33"])
    response = Client(headers={"accept-language": "en"}).get(f"/observatory/compare/?{codes}")
    assert response.status_code == 400
    assert "at most 10 provinces" in response.content.decode()
    assert Client().get("/observatory/compare/?p=%00").status_code == 400


def test_unknown_province_section_and_table_are_404(world: World) -> None:
    open_statistics_refresh(k=3)
    client = Client()
    assert client.get("/observatory/provinces/99/").status_code == 404
    assert client.get("/observatory/sections/ZZ/").status_code == 404
    assert client.get("/observatory/data/nothing.csv").status_code == 404


def test_before_the_first_refresh_the_pages_say_so(db: object) -> None:
    cache.delete("observatory:refresh-queued")
    response = Client().get("/observatory/")
    assert response.status_code == 503
    assert b"observatory-pending" in response.content


def test_downloads_are_attachments_with_hidden_cells_empty(world: World) -> None:
    open_statistics_refresh(k=3)
    client = Client()
    response = client.get("/observatory/data/firms_by_province_section.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="firms_by_province_section.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    tibet = [row for row in rows if row["province"] == "54"]
    assert tibet
    assert all(row["firms"] == "" for row in tibet)
    package = json.loads(client.get("/observatory/data/datapackage.json").content)
    assert package["resources"][0]["path"].startswith("http://testserver/observatory/data/")
    xlsx = client.get("/observatory/data/open-statistics.xlsx")
    assert xlsx.status_code == 200
    assert xlsx.content[:2] == b"PK"


def test_public_api_lists_and_serves_tables_without_a_key(world: World) -> None:
    open_statistics_refresh(k=3)
    client = Client()
    listing = client.get("/api/v1/open/tables/")
    assert listing.status_code == 200
    names = [t["name"] for t in listing.json()]
    assert "flows_between_provinces" in names
    table = client.get("/api/v1/open/tables/provinces/").json()
    assert table["k"] == 3
    tibet = next(row for row in table["rows"] if row["province"] == "54")
    assert tibet["firms"] is None
    missing = client.get("/api/v1/open/tables/nothing/")
    assert missing.status_code == 404
    assert missing["Content-Type"].startswith("application/problem+json")


@override_settings(OPEN_DATA_RATE="3/min")
def test_public_api_is_throttled_per_client_address(world: World) -> None:
    open_statistics_refresh(k=3)
    cache.clear()
    one, other = Client(REMOTE_ADDR="198.51.100.7"), Client(REMOTE_ADDR="198.51.100.8")
    statuses = [one.get("/api/v1/open/tables/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert other.get("/api/v1/open/tables/").status_code == 200


def test_firm_owner_opts_out_and_a_plain_member_cannot(world: World) -> None:
    firm, owner = firm_with_owner(province="33")
    member = person_in(firm)
    client = Client(headers={"accept-language": "en"})
    client.force_login(member)
    client.post("/observatory/opt-out/", {"opted_out": "1"}, follow=True)
    assert not OpenStatisticsOptOut.objects.filter(firm=firm).exists()
    client.force_login(owner)
    response = client.post("/observatory/opt-out/", {"opted_out": "1"}, follow=True)
    assert OpenStatisticsOptOut.objects.filter(firm=firm).exists()
    assert "left out of the open statistics" in response.content.decode()


@override_settings(OPEN_DATA_RATE="2/min")
def test_a_forged_forwarded_header_does_not_escape_the_open_api_throttle(world: World) -> None:
    open_statistics_refresh(k=3)
    cache.clear()
    client = Client(REMOTE_ADDR="198.51.100.9")
    statuses = [
        client.get("/api/v1/open/tables/", headers={"x-forwarded-for": f"203.0.113.{n}"}).status_code for n in range(3)
    ]
    assert statuses == [200, 200, 429]
