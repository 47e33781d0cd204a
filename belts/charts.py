"""ECharts options of a belt's page, in the observatory's chart shape (so its table view and download work)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from observatory.charts import chart


def growth(months: list[str], growth: dict[str, dict[str, Any]]) -> dict[str, Any]:
    series = [
        (_("New members"), "members", "bar", 0),
        (_("Assets shared"), "assets", "bar", 0),
        (_("Projects sponsored"), "projects", "bar", 0),
        (_("Use events"), "use_events", "line", 1),
    ]
    return chart(
        "belt-growth",
        _("The belt's growth per month"),
        {
            "legend": {"data": [name for name, *_rest in series]},
            "xAxis": {"type": "category", "data": months},
            "yAxis": [{"type": "value"}, {"type": "value", "name": _("use events")}],
            "series": [
                {"name": name, "type": kind, "yAxisIndex": axis, "data": [growth.get(m, {}).get(key) for m in months]}
                for name, key, kind, axis in series
            ],
        },
        table="belt_growth",
    )


def shares(months: list[str], series: dict[str, dict[str, Any]]) -> dict[str, Any]:
    lines = [(_("from other belts"), "other_belts"), (_("from other provinces"), "other_provinces")]
    return chart(
        "belt-reach",
        _("Share of the members' knowledge use drawn from outside"),
        {
            "legend": {"data": [name for name, _key in lines]},
            "xAxis": {"type": "category", "data": months},
            "yAxis": {"type": "value", "min": 0, "max": 1},
            "series": [
                {"name": name, "type": "line", "data": [series.get(m, {}).get(key) for m in months]}
                for name, key in lines
            ],
        },
        table="belt_growth",
    )
