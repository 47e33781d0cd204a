"""The zero-marginal-cost curve per cluster: cost per use of the members' knowledge as reuse grows."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from knowledge.models import Asset, AssetOwnership, UseEvent
from observatory.services import open_statistics_refresh
from tests.observatory.conftest import World

pytestmark = pytest.mark.django_db

COSTS = (Decimal("9000.00"), Decimal("3000.00"), Decimal("1500.50"))


def _costed(world: World, count: int = 3) -> list[Asset]:
    """Give a cost to the first ``count`` assets (owned by the cluster's textile members), published 60 days ago."""
    published = timezone.now() - timedelta(days=60)
    assets = world.assets[:count]
    for asset, cost in zip(assets, COSTS, strict=False):
        Asset.objects.filter(pk=asset.pk).update(creation_cost=cost, published_at=published)
    return assets


def _expected(assets: list[Asset], months: list[str]) -> list[float | None]:
    """The curve read straight from the record: cost published by the month ÷ uses by non-owners by the month."""
    costs = []
    for asset in Asset.objects.filter(pk__in=[a.pk for a in assets]):
        assert asset.published_at is not None
        costs.append((timezone.localtime(asset.published_at).strftime("%Y-%m"), float(asset.creation_cost or 0)))
    owners = set(AssetOwnership.objects.filter(asset__in=assets).values_list("asset_id", "firm_id"))
    uses = [
        event.day.strftime("%Y-%m")
        for event in UseEvent.objects.filter(asset__in=assets)
        if (event.asset_id, event.firm_id) not in owners
    ]
    out: list[float | None] = []
    for month in months:
        spent = sum(cost for when, cost in costs if when <= month)
        used = sum(1 for when in uses if when <= month)
        out.append(round(spent / used, 2) if used else None)
    return out


def test_the_curve_matches_the_record_for_a_small_world(world: World) -> None:
    assets = _costed(world)
    stats = open_statistics_refresh(k=3)
    assert stats is not None
    data = stats.data
    [curve] = data["cluster_costs"]
    assert curve["id"] == world.cluster.pk
    months = data["months"]
    expected = _expected(assets, months)
    assert [value for _month, value in curve["series"]] == expected
    assert [month for month, _value in curve["series"]] == months
    # 12 uses by Guangdong firms, one by Tibet, one by Zhejiang's software firm: cost falls as reuse grows.
    assert curve["uses"] == 14
    assert expected[-1] == round(float(sum(COSTS)) / 14, 2)
    shown = [value for value in expected if value is not None]
    assert shown == sorted(shown, reverse=True)


def test_a_cluster_with_fewer_than_k_owning_members_is_not_published(world: World) -> None:
    _costed(world, count=2)  # two member firms own costed assets; the cluster has eight members
    stats = open_statistics_refresh(k=3)
    assert stats is not None
    assert [c["id"] for c in stats.data["clusters"]] == [world.cluster.pk]
    assert stats.data["cluster_costs"] == []
    response = Client().get("/observatory/data/cluster_cost_per_use.csv")
    assert response.status_code == 200
    assert list(csv.DictReader(io.StringIO(response.content.decode()))) == []


def test_the_table_is_in_every_download_and_on_the_clusters_page(world: World) -> None:
    _costed(world)
    open_statistics_refresh(k=3)
    client = Client()
    response = client.get("/observatory/data/cluster_cost_per_use.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["cluster_id"] for row in rows} == {str(world.cluster.pk)}
    assert rows[-1]["cost_per_use"] == str(round(float(sum(COSTS)) / 14, 2))
    package = json.loads(client.get("/observatory/data/datapackage.json").content)
    resource = next(r for r in package["resources"] if r["name"] == "cluster-cost-per-use")
    assert [f["name"] for f in resource["schema"]["fields"]] == [
        "cluster_id",
        "slug",
        "name_zh",
        "name_en",
        "month",
        "cost_per_use",
    ]
    workbook = load_workbook(io.BytesIO(client.get("/observatory/data/open-statistics.xlsx").content))
    assert any(name.startswith("cluster_cost_per_use") for name in workbook.sheetnames)
    api = client.get("/api/v1/open/tables/cluster_cost_per_use/").json()
    assert api["rows"][-1]["cost_per_use"] == round(float(sum(COSTS)) / 14, 2)
    page = client.get("/observatory/clusters/")
    assert b'data-testid="chart-cluster-cost-table"' in page.content
    assert b"chart-cluster-cost-spec" in page.content


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_curve_is_drawn_on_the_clusters_page(live_server: Any, page_factory: Any, world: World) -> None:
    _costed(world)
    open_statistics_refresh(k=3)
    page = page_factory("en-US")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/observatory/clusters/")
    page.wait_for_function(
        "() => document.querySelector('#chart-cluster-cost[data-rendered=\"1\"] canvas') !== null", timeout=45_000
    )
    points = page.evaluate(
        "() => echarts.getInstanceByDom(document.getElementById('chart-cluster-cost')).getOption().series[0]"
        ".data.filter(v => v !== null).length"
    )
    assert points >= 1
    assert page.get_by_test_id("chart-cluster-cost-table").locator("tbody tr").count() == 1
    assert errors == []
