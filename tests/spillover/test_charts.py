"""Chart options: firm names never overlap on the partners chart and are not clipped on the network chart."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from spillover.charts import cluster_network, firm_partners
from spillover.selectors import ClusterFigures, FirmFigures

LONG = "浙江省绍兴市柯桥区某某纺织印染有限公司"


def test_top_sources_and_absorbers_give_each_name_its_own_row_within_the_grid() -> None:
    rows = [{"name": f"{LONG}{i}", "value": 1.0 / (i + 1)} for i in range(6)]
    figures = cast(FirmFigures, SimpleNamespace(top_sources=rows[:3], top_absorbers=rows[3:]))  # only what it reads
    option = firm_partners(figures)["option"]
    label = option["yAxis"]["axisLabel"]
    assert label["interval"] == 0  # every name, each on its own bar
    assert label["overflow"] == "truncate"
    assert label["width"] <= 200
    assert option["grid"]["containLabel"] is True
    assert option["legend"]["top"] == 0
    assert option["grid"]["top"] >= 30


def test_the_network_keeps_room_for_the_names_beside_its_nodes() -> None:
    nodes = [{"id": str(i), "name": LONG, "value": 1.0, "own": i == 0} for i in range(4)]
    edges = [{"source": "0", "target": str(i), "value": 0.5} for i in range(1, 4)]
    figures = cast(ClusterFigures, SimpleNamespace(nodes=nodes, edges=edges))  # only what it reads
    series = cluster_network(figures)["option"]["series"][0]
    widths = {node["label"]["width"] for node in series["data"]}
    assert all(node["label"]["overflow"] == "truncate" for node in series["data"])
    assert series["right"] >= max(widths)  # a name drawn to the right of the rightmost node still fits
