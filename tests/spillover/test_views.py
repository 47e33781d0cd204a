"""Dashboards and API: each viewer sees only the figures it may see."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from clusters.models import ClusterMembership
from spillover import services
from tests.factories import FirmMemberFactory, UserFactory
from tests.spillover.factories import add_events, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    w = build_world(11)
    add_events(w, 120)
    run = services.run_start(as_of=w.as_of)
    services.run_compute(run_id=run.pk)
    return w


def client_for(firm=None, *, staff=False) -> Client:
    user = UserFactory.create(is_staff=staff)
    if firm is not None:
        FirmMemberFactory.create(firm=firm, user=user)
    c = Client()
    c.force_login(user)
    if firm is not None:
        session = c.session
        session["current_firm_id"] = firm.pk
        session.save()
    return c


def charts_in(response) -> dict[str, int]:
    html = response.content.decode()
    import re

    return {
        m.group(1): int(m.group(2))
        for m in re.finditer(r'id="(chart-[a-z-]+)" data-spec="[^"]+" data-points="(\d+)"', html)
    }


def test_a_firm_sees_its_own_dashboard_with_charts_that_have_data(world):
    firm = world.firms[0]
    response = client_for(firm).get(reverse("spillover:index"))
    assert response.status_code == 200
    found = charts_in(response)
    assert set(found) == {"chart-firm-flows", "chart-firm-pool", "chart-firm-partners"}
    assert found["chart-firm-flows"] > 0


def test_a_firm_cannot_see_another_firms_figures_through_the_api(world):
    c = client_for(world.firms[0])
    assert c.get(f"/api/v1/spillover/firms/{world.firms[0].pk}/").status_code == 200
    assert c.get(f"/api/v1/spillover/firms/{world.firms[1].pk}/").status_code == 403


def test_an_administrator_sees_any_firm(world):
    c = client_for(staff=True)
    assert c.get(f"/api/v1/spillover/firms/{world.firms[3].pk}/").status_code == 200
    response = c.get(reverse("spillover:index"), {"firm": world.firms[3].pk})
    assert "chart-firm-flows" in charts_in(response)


def test_a_member_sees_its_cluster_with_other_members_anonymised(world):
    cluster = world.clusters[0]
    membership = ClusterMembership.objects.filter(cluster=cluster, status="active").first()
    assert membership is not None
    member = membership.firm
    c = client_for(member)
    response = c.get(reverse("spillover:cluster", args=[cluster.pk]))
    assert response.status_code == 200
    assert set(charts_in(response)) == {"chart-cluster-csi", "chart-cluster-network", "chart-cluster-provinces"}
    data = c.get(f"/api/v1/spillover/clusters/{cluster.pk}/").json()
    assert data["named"] is False
    others = [n for n in data["nodes"] if not n["own"]]
    assert others
    assert all(n["name"] not in {f.name for f in world.firms} for n in others)
    assert [n["name"] for n in data["nodes"] if n["own"]] == [member.name]


def test_a_firm_outside_a_cluster_cannot_see_it(world):
    outsider = next(
        f for f in world.firms if not ClusterMembership.objects.filter(firm=f, cluster=world.clusters[1]).exists()
    )
    c = client_for(outsider)
    assert c.get(reverse("spillover:cluster", args=[world.clusters[1].pk])).status_code == 403
    assert c.get(f"/api/v1/spillover/clusters/{world.clusters[1].pk}/").status_code == 403


def test_moderators_and_administrators_see_member_names(world):
    data = client_for(staff=True).get(f"/api/v1/spillover/clusters/{world.clusters[0].pk}/").json()
    assert data["named"] is True
    assert {n["name"] for n in data["nodes"]} <= {f.name for f in world.firms}


def test_only_administrators_compare_clusters(world):
    assert client_for(world.firms[0]).get(reverse("spillover:compare")).status_code == 403
    assert client_for(world.firms[0]).get("/api/v1/spillover/clusters/").status_code == 403
    response = client_for(staff=True).get(reverse("spillover:compare"))
    assert response.status_code == 200
    assert charts_in(response)["chart-compare-clusters"] > 0


def test_asset_reach_shows_for_a_visible_asset(world):
    asset = world.assets[0]
    response = client_for(world.firms[5]).get(reverse("spillover:asset", args=[asset.pk]))
    assert response.status_code == 200
    assert set(charts_in(response)) == {"chart-asset-kinds", "chart-asset-generality"}
    data = client_for(world.firms[5]).get(f"/api/v1/spillover/assets/{asset.pk}/").json()
    assert data["descendants"] == 2


def test_a_private_asset_of_another_firm_has_no_reach_page(world):
    asset = world.assets[4]
    asset.access_level = "private"
    asset.save(update_fields=["access_level"])
    owners = set(asset.ownerships.values_list("firm_id", flat=True))
    other = next(f for f in world.firms if f.pk not in owners)
    assert client_for(other).get(reverse("spillover:asset", args=[asset.pk])).status_code == 404


def test_cost_per_use_covers_only_the_firms_own_assets(world):
    firm = world.firms[0]
    data = client_for(firm).get("/api/v1/spillover/costs/").json()
    own = set(firm.asset_ownerships.values_list("asset_id", flat=True))
    assert {a["asset"] for a in data["assets"]} <= own
    every = client_for(staff=True).get("/api/v1/spillover/costs/").json()
    assert len(every["assets"]) >= len(data["assets"])
    falling = [a["cost_per_use"] for a in every["assets"] if a["uses"] > 1]
    for series in falling:
        values = [v for v in series if v is not None]
        assert values == sorted(values, reverse=True)


def test_anonymous_callers_are_refused(world):
    assert Client().get(f"/api/v1/spillover/firms/{world.firms[0].pk}/").status_code in (401, 403)
    assert Client().get(reverse("spillover:index")).status_code == 302


def test_status_shows_progress_to_administrators_only(world):
    staff = json.loads(client_for(staff=True).get(reverse("spillover:status")).content)
    firm = json.loads(client_for(world.firms[0]).get(reverse("spillover:status")).content)
    assert "latest" in staff
    assert "latest" not in firm
    assert firm["current"]["events"] == 120


def test_the_dashboard_query_count_does_not_grow_with_flows(world, django_assert_max_num_queries):
    c = client_for(world.firms[0])
    c.get(reverse("spillover:index"))
    add_events(world, 100)
    services.run_compute(run_id=services.run_start(as_of=world.as_of).pk)
    with django_assert_max_num_queries(30):
        c.get(reverse("spillover:index"))
