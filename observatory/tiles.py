"""A tile-grid cartogram of the 34 provincial-level divisions: one equal square per division, placed
roughly where it lies. It draws no borders and no coastline, so it is a schematic diagram rather than
a map in the sense of China's rules for published maps (see docs/observatory.md)."""

from __future__ import annotations

from typing import Any

# GB/T 2260 code -> (column, row), 9 columns by 9 rows.
TILES: dict[str, tuple[int, int]] = {
    "23": (8, 0),
    "65": (1, 1), "15": (5, 1), "22": (8, 1),
    "62": (3, 2), "64": (4, 2), "11": (6, 2), "21": (7, 2),
    "63": (2, 3), "61": (4, 3), "14": (5, 3), "13": (6, 3), "12": (7, 3),
    "54": (1, 4), "51": (3, 4), "50": (4, 4), "41": (5, 4), "37": (6, 4),
    "53": (2, 5), "52": (3, 5), "42": (4, 5), "34": (5, 5), "32": (6, 5), "31": (7, 5),
    "45": (3, 6), "43": (4, 6), "36": (5, 6), "33": (6, 6),
    "44": (4, 7), "35": (5, 7), "71": (7, 7),
    "46": (3, 8), "82": (4, 8), "81": (5, 8),
}  # fmt: skip
BUCKETS = 5


def tiles(values: dict[str, float | None], names: dict[str, str], url: Any) -> list[dict[str, Any]]:
    """Tiles with a colour bucket (quantiles of the shown values), 'hidden' or 'none', and a link."""
    shown = sorted(v for v in values.values() if v)
    edges = [shown[min(len(shown) - 1, (len(shown) * i) // BUCKETS)] for i in range(1, BUCKETS)] if shown else []
    out = []
    for code, (x, y) in TILES.items():
        value = values.get(code, 0)
        if value is None:
            bucket = "hidden"
        elif not value:
            bucket = "none"
        else:
            bucket = str(sum(1 for edge in edges if value >= edge))
        out.append(
            {
                "code": code,
                "name": names.get(code, code),
                "x": x,
                "y": y,
                "value": value,
                "bucket": bucket,
                "url": url(code),
            }
        )
    return out
