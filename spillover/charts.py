"""ECharts options built from selector output, with translated labels (the page only renders them)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from spillover.selectors import ClusterFigures, FirmFigures


def _points(option: dict[str, Any]) -> int:
    total = 0
    for s in option.get("series", []):
        data = s.get("data") or []
        total += sum(1 for d in data if d not in (None, 0, 0.0))
    return total


def _titles() -> dict[str, str]:
    return {
        "firm-flows": _("Inflow and outflow by month"),
        "firm-partners": _("Top sources and absorbers"),
        "firm-pool": _("Potential pool against realised flow"),
        "cluster-csi": _("Cluster spillover index over time"),
        "cluster-network": _("Flows between members"),
        "cluster-provinces": _("Flow between members by source province"),
        "asset-kinds": _("Uses by other firms, by kind"),
        "asset-generality": _("Generality of the absorbers"),
        "compare-clusters": _("Clusters compared"),
        "compare-regions": _("Knowledge leaving each province"),
        "cost-per-use": _("Cost per use as reuse grows"),
    }


def chart(key: str, option: dict[str, Any], *, height: int = 320) -> dict[str, Any]:
    title = _titles().get(key, "")
    base = {
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 48, "right": 16, "top": 40, "bottom": 40, "containLabel": True},
    }
    return {
        "id": f"chart-{key}", "spec_id": f"chart-{key}-spec", "title": title, "option": base | option,
        "points": _points(option), "height": height,
    }  # fmt: skip


def firm_flows(fig: FirmFigures) -> dict[str, Any]:
    return chart(
        "firm-flows",
        {
            "legend": {"data": [_("Inflow"), _("Outflow")]},
            "xAxis": {"type": "category", "data": fig.months},
            "yAxis": {"type": "value"},
            "series": [
                {"name": _("Inflow"), "type": "line", "smooth": True, "areaStyle": {}, "data": fig.series_in},
                {"name": _("Outflow"), "type": "line", "smooth": True, "areaStyle": {}, "data": fig.series_out},
            ],
        },
    )


def firm_partners(fig: FirmFigures) -> dict[str, Any]:
    src, dst = fig.top_sources, fig.top_absorbers
    names = [s["name"] for s in src] + [a["name"] for a in dst]
    return chart(
        "firm-partners",
        {
            "tooltip": {"trigger": "item"},
            "legend": {"data": [_("Learnt from"), _("Learnt from us")], "top": 0},
            # Every firm's name on its own row, cut to a width the grid reserves: never drawn over its neighbours.
            "grid": {"left": 8, "right": 24, "top": 36, "bottom": 24, "containLabel": True},
            "xAxis": {"type": "value", "axisLabel": {"hideOverlap": True}},
            "yAxis": {
                "type": "category",
                "data": names,
                "inverse": True,
                "axisLabel": {"interval": 0, "width": 160, "overflow": "truncate"},
            },
            "series": [
                {
                    "name": _("Learnt from"),
                    "type": "bar",
                    "stack": "t",
                    "data": [round(s["value"], 4) for s in src] + [None] * len(dst),
                },
                {
                    "name": _("Learnt from us"),
                    "type": "bar",
                    "stack": "t",
                    "data": [None] * len(src) + [round(a["value"], 4) for a in dst],
                },
            ],
        },
        height=max(240, 28 * len(names) + 80),
    )


def firm_pool(fig: FirmFigures) -> dict[str, Any]:
    return chart(
        "firm-pool",
        {
            "tooltip": {"trigger": "item"},
            "xAxis": {
                "type": "category",
                "data": [_("Potential pool (Jaffe)"), _("Potential pool (Mahalanobis)"), _("Realised inflow")],
            },
            "yAxis": {"type": "log", "min": 0.001},
            "series": [
                {
                    "type": "bar",
                    "data": [
                        round(max(fig.pool, 0.001), 4),
                        round(max(fig.pool_mahalanobis, 0.001), 4),
                        round(max(fig.inflow, 0.001), 4),
                    ],
                }
            ],
        },
    )


def cluster_series(fig: ClusterFigures) -> dict[str, Any]:
    return chart(
        "cluster-csi",
        {
            "xAxis": {"type": "category", "data": fig.months},
            "yAxis": {"type": "value", "name": _("Spillover index")},
            "series": [{"name": _("Spillover index"), "type": "line", "smooth": True, "data": fig.series}],
        },
    )


# The network chart draws the strongest members and flows only: past these a force layout is a blur, and the
# page would grow with the cluster (a thousand members made it 220 KB). The API still returns them all.
NETWORK_NODES = 100
NETWORK_EDGES = 300


def network_strongest(fig: ClusterFigures) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The members with the most flow (and the viewer's own firm), and the strongest flows among them."""
    ranked = sorted(fig.nodes, key=lambda n: (not n["own"], -n["value"]))
    nodes = ranked[:NETWORK_NODES]
    shown = {n["id"] for n in nodes}
    edges = [e for e in fig.edges if e["source"] in shown and e["target"] in shown][:NETWORK_EDGES]
    return nodes, edges


def cluster_network(fig: ClusterFigures) -> dict[str, Any]:
    shown_nodes, shown_edges = network_strongest(fig)
    top = max([n["value"] for n in shown_nodes] + [1e-9])
    nodes = [
        {
            "id": n["id"],
            "name": n["name"],
            "value": round(n["value"], 4),
            "symbolSize": 10 + 30 * (n["value"] / top),
            "itemStyle": {"color": "#c62828"} if n["own"] else {},
            "label": {"show": True, "position": "right", "width": 110, "overflow": "truncate"},
        }
        for n in shown_nodes
    ]
    top_e = max([e["value"] for e in shown_edges] + [1e-9])
    links = [
        {
            "source": e["source"],
            "target": e["target"],
            "value": round(e["value"], 4),
            "lineStyle": {"width": 1 + 5 * e["value"] / top_e},
        }
        for e in shown_edges
    ]
    option = {
        "tooltip": {"trigger": "item"},
        "series": [
            {
                "type": "graph", "layout": "force", "roam": True, "draggable": True,
                "force": {"repulsion": 160, "edgeLength": 90},
                # Room on the right for the names drawn beside the nodes, which would otherwise be clipped.
                "left": 24, "right": 130, "top": 24, "bottom": 24, "zoom": 0.85,
                "labelLayout": {"hideOverlap": True},
                "edgeSymbol": ["none", "arrow"], "data": nodes, "links": links,
            }
        ],
    }  # fmt: skip
    out = chart("cluster-network", option, height=420)
    out["points"] = len(links)
    return out


def cluster_provinces(fig: ClusterFigures) -> dict[str, Any]:
    rows = fig.provinces
    return chart(
        "cluster-provinces",
        {
            "legend": {"data": [_("Stays in the province"), _("Crosses provinces")]},
            "xAxis": {"type": "category", "data": [r["name"] for r in rows]},
            "yAxis": {"type": "value"},
            "series": [
                {
                    "name": _("Stays in the province"),
                    "type": "bar",
                    "stack": "p",
                    "data": [round(r["total"] - r["crossing"], 4) for r in rows],
                },
                {
                    "name": _("Crosses provinces"),
                    "type": "bar",
                    "stack": "p",
                    "data": [round(r["crossing"], 4) for r in rows],
                },
            ],
        },
    )


def asset_kinds(fig: dict[str, Any], labels: dict[str, str]) -> dict[str, Any]:
    return chart(
        "asset-kinds",
        {
            "tooltip": {"trigger": "item"},
            "xAxis": {"type": "category", "data": [labels.get(k["kind"], k["kind"]) for k in fig["by_kind"]]},
            "yAxis": {"type": "value"},
            "series": [{"name": _("Uses by other firms"), "type": "bar", "data": [k["count"] for k in fig["by_kind"]]}],
        },
    )


def asset_generality(fig: dict[str, Any]) -> dict[str, Any]:
    return chart(
        "asset-generality",
        {
            "tooltip": {"trigger": "item"},
            "radar": {
                "indicator": [
                    {"name": _("Clusters"), "max": 1},
                    {"name": _("Provinces"), "max": 1},
                    {"name": _("Sectors"), "max": 1},
                ]
            },
            "series": [
                {
                    "type": "radar",
                    "data": [
                        {
                            "name": _("Generality"),
                            "value": [
                                round(fig["generality_cluster"], 4),
                                round(fig["generality_province"], 4),
                                round(fig["generality_sector"], 4),
                            ],
                        }
                    ],
                }
            ],
        },
    ) | {"points": sum(1 for k in ("generality_cluster", "generality_province", "generality_sector") if fig[k])}


def compare_clusters(fig: dict[str, Any]) -> dict[str, Any]:
    rows = fig["clusters"]
    return chart(
        "compare-clusters",
        {
            "legend": {"data": [_("Spillover index"), _("Realisation ratio"), _("Share crossing provinces")]},
            "xAxis": {"type": "category", "data": [r["name"] for r in rows], "axisLabel": {"rotate": 30}},
            "yAxis": {"type": "value"},
            "series": [
                {"name": _("Spillover index"), "type": "bar", "data": [round(r["csi"], 5) for r in rows]},
                {"name": _("Realisation ratio"), "type": "bar", "data": [round(r["realisation"], 5) for r in rows]},
                {
                    "name": _("Share crossing provinces"),
                    "type": "bar",
                    "data": [round(r["cross_province"], 4) for r in rows],
                },
            ],
        },
        height=380,
    )


def compare_regions(fig: dict[str, Any]) -> dict[str, Any]:
    rows = fig["regions"]
    return chart(
        "compare-regions",
        {
            "legend": {"data": [_("Outside share"), _("Localisation")]},
            "xAxis": {"type": "category", "data": [r["name"] for r in rows], "axisLabel": {"rotate": 30}},
            "yAxis": {"type": "value"},
            "series": [
                {"name": _("Outside share"), "type": "bar", "data": [round(r["outside_share"], 4) for r in rows]},
                {"name": _("Localisation"), "type": "bar", "data": [round(r["localisation"], 4) for r in rows]},
            ],
        },
    )


def cost_per_use(fig: dict[str, Any]) -> dict[str, Any]:
    return chart(
        "cost-per-use",
        {
            "legend": {"type": "scroll"},
            "xAxis": {"type": "category", "data": fig["months"]},
            "yAxis": {"type": "log", "name": _("Cost per use (CNY)")},
            "series": [
                {"name": a["title"], "type": "line", "connectNulls": False, "data": a["cost_per_use"]}
                for a in fig["assets"]
            ],
        },
        height=380,
    )
