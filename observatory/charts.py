"""ECharts options of the observatory, built on the server with translated labels."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


def chart(key: str, title: str, option: dict[str, Any], *, table: str, height: int = 320) -> dict[str, Any]:
    base = {
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 48, "right": 24, "top": 40, "bottom": 40, "containLabel": True},
    }
    return {
        "id": f"chart-{key}",
        "spec_id": f"chart-{key}-spec",
        "title": title,
        "option": base | option,
        "table": table,
        "height": height,
    }


def growth(months: list[str], firms: dict[str, Any], uses: dict[str, Any]) -> dict[str, Any]:
    return chart(
        "growth",
        _("New firms and knowledge use per month"),
        {
            "legend": {"data": [_("New firms"), _("Use events")]},
            "xAxis": {"type": "category", "data": months},
            "yAxis": [{"type": "value", "name": _("firms")}, {"type": "value", "name": _("use events")}],
            "series": [
                {"name": _("New firms"), "type": "bar", "data": [firms.get(m) for m in months]},
                {"name": _("Use events"), "type": "line", "yAxisIndex": 1, "data": [uses.get(m) for m in months]},
            ],
        },
        table="monthly_growth",
    )


def cross_share(shares: dict[str, float | None], months: list[str]) -> dict[str, Any]:
    return chart(
        "cross-share",
        _("Share of knowledge use crossing provinces"),
        {
            "xAxis": {"type": "category", "data": months},
            "yAxis": {"type": "value", "min": 0, "max": 1},
            "series": [{"name": _("share"), "type": "line", "data": [shares.get(m) for m in months]}],
        },
        table="cross_province_share",
    )


def bars(key: str, title: str, labels: list[str], series: list[tuple[str, list[Any]]], *, table: str) -> dict[str, Any]:
    return chart(
        key,
        title,
        {
            "legend": {"data": [name for name, _values in series]},
            "xAxis": {"type": "category", "data": labels, "axisLabel": {"interval": 0, "rotate": 30}},
            "yAxis": {"type": "value"},
            "series": [{"name": name, "type": "bar", "data": values} for name, values in series],
        },
        table=table,
    )


def flows(edges: list[tuple[str, str, float]], names: dict[str, str]) -> dict[str, Any]:
    """Province-to-province flows as a circular graph (edge width by volume); within-province flows are left out."""
    nodes = sorted({code for a, b, _v in edges for code in (a, b)})
    top = max((v for _a, _b, v in edges), default=1) or 1
    return chart(
        "flows",
        _("Knowledge flows between provinces"),
        {
            "tooltip": {"trigger": "item"},
            "series": [
                {
                    "type": "graph",
                    "layout": "circular",
                    "circular": {"rotateLabel": True},
                    "roam": False,
                    "label": {"show": True, "position": "right"},
                    "edgeSymbol": ["none", "arrow"],
                    "data": [{"name": names.get(code, code), "symbolSize": 12} for code in nodes],
                    "links": [
                        {
                            "source": names.get(a, a),
                            "target": names.get(b, b),
                            "value": v,
                            "lineStyle": {"width": 1 + 6 * v / top, "curveness": 0.2, "opacity": 0.6},
                        }
                        for a, b, v in edges
                        if a != b
                    ],
                }
            ],
        },
        table="flows_between_provinces",
        height=460,
    )


def cluster_series(clusters: list[dict[str, Any]], name_of: Any) -> dict[str, Any]:
    months = sorted({m for c in clusters for m, _v in c.get("series") or []})
    return chart(
        "cluster-index",
        _("Cluster spillover index over time"),
        {
            "legend": {"type": "scroll", "data": [name_of(c) for c in clusters]},
            "xAxis": {"type": "category", "data": months},
            "yAxis": {"type": "value"},
            "series": [
                {"name": name_of(c), "type": "line", "data": [dict(c.get("series") or []).get(m) for m in months]}
                for c in clusters
            ],
        },
        table="cluster_spillover_index",
        height=380,
    )


def cluster_costs(clusters: list[dict[str, Any]], name_of: Any) -> dict[str, Any]:
    """The zero-marginal-cost curve: a line per cluster, cost per use falling as reuse grows."""
    months = sorted({m for c in clusters for m, _v in c["series"]})
    return chart(
        "cluster-cost",
        _("Cost per use as reuse grows, per cluster"),
        {
            "legend": {"type": "scroll", "data": [name_of(c) for c in clusters]},
            "xAxis": {"type": "category", "data": months},
            "yAxis": {"type": "log", "name": _("Cost per use (CNY)")},
            "series": [
                {"name": name_of(c), "type": "line", "connectNulls": False, "data": [v for _m, v in c["series"]]}
                for c in clusters
            ],
        },
        table="cluster_cost_per_use",
        height=380,
    )
