"""Every spillover dashboard in a real browser: each chart is drawn by ECharts with data."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from clusters.models import ClusterMembership
from spillover import services
from tests.factories import FirmMemberFactory, UserFactory
from tests.spillover.factories import add_events, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHARTS_DRAWN = """() => Array.from(document.querySelectorAll('.spill-chart')).map(el => {
  const chart = window.echarts && window.echarts.getInstanceByDom(el);
  const series = chart ? chart.getOption().series : [];
  const points = series.reduce((n, s) => n + ((s.data || []).filter(v => v !== null && v !== 0).length
      + (s.links || []).length), 0);
  return {id: el.id, rendered: el.dataset.rendered === '1', canvas: !!el.querySelector('canvas'),
          points: points, declared: parseInt(el.dataset.points, 10)};
})"""


def session_page(page_factory: Any, live_server: Any, user: Any, firm: Any = None) -> Any:
    client = Client()
    client.force_login(user)
    if firm is not None:
        session = client.session
        session["current_firm_id"] = firm.pk
        session.save()
    page = page_factory("zh-CN")
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": live_server.url}]
    )  # fmt: skip
    return page


def assert_charts_drawn(page: Any, url: str, expected: set[str], *, with_data: set[str] | None = None) -> None:
    page.goto(url)
    page.wait_for_function("() => document.querySelectorAll('.spill-chart[data-rendered=\"1\"]').length > 0")
    drawn = {c["id"]: c for c in page.evaluate(CHARTS_DRAWN)}
    assert set(drawn) == expected, url
    for key in with_data if with_data is not None else expected:
        chart = drawn[key]
        assert chart["rendered"], (url, key)
        assert chart["canvas"], (url, key)
        assert chart["points"] > 0, (url, key)
        assert chart["declared"] > 0, (url, key)


def test_every_dashboard_draws_its_charts_with_data(live_server: Any, page_factory: Any) -> None:
    world = build_world(31, n_firms=10, n_assets=12)
    add_events(world, 300, days=700)
    services.run_compute(run_id=services.run_start().pk)
    cluster = world.clusters[0]
    membership = ClusterMembership.objects.filter(cluster=cluster, status="active").order_by("id").first()
    assert membership is not None
    member = membership.firm
    admin = UserFactory.create(is_staff=True, is_superuser=True)
    person = FirmMemberFactory.create(firm=member).user

    page = session_page(page_factory, live_server, person, member)
    assert_charts_drawn(
        page, f"{live_server.url}/spillover/", {"chart-firm-flows", "chart-firm-pool", "chart-firm-partners"}
    )
    assert_charts_drawn(
        page,
        f"{live_server.url}/spillover/clusters/{cluster.pk}/",
        {"chart-cluster-csi", "chart-cluster-network", "chart-cluster-provinces"},
    )

    page = session_page(page_factory, live_server, admin)
    busiest = max(world.assets, key=lambda a: a.uses.count())
    assert_charts_drawn(
        page, f"{live_server.url}/spillover/assets/{busiest.pk}/", {"chart-asset-kinds", "chart-asset-generality"}
    )
    assert_charts_drawn(
        page, f"{live_server.url}/spillover/compare/", {"chart-compare-clusters", "chart-compare-regions"}
    )
    assert_charts_drawn(page, f"{live_server.url}/spillover/costs/", {"chart-cost-per-use"})
