"""The observatory in a real browser, in both languages: the map, the charts (drawn by ECharts), the comparison.

Screenshots of the main views go to OBSERVATORY_SCREENSHOTS when set (docs/observatory/ holds the committed ones).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from observatory.services import open_statistics_refresh
from tests.observatory.conftest import grown_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHARTS = """() => Array.from(document.querySelectorAll('.obs-chart')).map(el => {
  const chart = window.echarts && window.echarts.getInstanceByDom(el);
  const series = chart ? chart.getOption().series : [];
  return {id: el.id, rendered: el.dataset.rendered === '1', canvas: !!el.querySelector('canvas'),
          points: series.reduce((n, s) => n + (s.data || []).filter(v => v !== null && v !== 0).length, 0)};
})"""


def _shoot(page: Any, name: str) -> None:
    folder = os.environ.get("OBSERVATORY_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(
    ("locale", "title"), [("zh-CN", "虚拟产业集群开放观察"), ("en-US", "Open observatory of virtual industry clusters")]
)
def test_observatory_renders_map_charts_and_comparison(
    live_server: Any, page_factory: Any, locale: str, title: str
) -> None:
    grown_world()
    open_statistics_refresh(k=3)
    page = page_factory(locale)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/observatory/")
    assert page.locator("h1").inner_text() == title
    assert page.locator(".obs-tile").count() == 34
    assert page.locator(".obs-tile.b-4").count() >= 1
    page.wait_for_function(
        "() => document.querySelectorAll('.obs-chart[data-rendered=\"1\"]').length === 4", timeout=45_000
    )
    charts = {c["id"]: c for c in page.evaluate(CHARTS)}
    for key in ("chart-growth", "chart-sections", "chart-cross-share"):
        assert charts[key]["canvas"], key
        assert charts[key]["points"] > 0, key
    suffix = "zh" if locale == "zh-CN" else "en"
    _shoot(page, f"national-{suffix}")
    page.locator('.obs-tile[data-code="33"]').click()
    page.wait_for_url("**/observatory/provinces/33/")
    assert page.locator("[data-testid=section-table] tbody tr").count() >= 1
    _shoot(page, f"province-{suffix}")
    page.goto(f"{live_server.url}/observatory/compare/")
    page.locator('input[name=p][value="33"]').check()
    page.locator('input[name=p][value="44"]').check()
    page.locator('input[name=p][value="32"]').check()
    page.locator("[data-testid=compare-form] button").click()
    page.wait_for_function(
        "() => document.querySelectorAll('.obs-chart[data-rendered=\"1\"]').length === 1", timeout=45_000
    )
    assert page.locator("[data-testid=compare-table] tbody tr").count() >= 3
    _shoot(page, f"compare-{suffix}")
    assert errors == []
