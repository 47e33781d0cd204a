"""Reads of the observatory: the current open tables, for everyone (nothing here is per viewer).

Pages read one row (the current set) and keep its parsed tables in the process until another
set becomes current, so a page costs one indexed query however large the record is.
"""

from __future__ import annotations

from typing import Any

from observatory.models import OpenStatistics, OpenStatisticsOptOut
from platform_.identity.models import Firm

_cache: dict[str, Any] = {"id": None, "stats": None}


def open_statistics_current() -> OpenStatistics | None:
    """The current set of open tables, or None before the first refresh."""
    current = OpenStatistics.objects.filter(is_current=True).values_list("id", flat=True).first()
    if current is None:
        return None
    if _cache["id"] != current:
        _cache["stats"] = OpenStatistics.objects.filter(pk=current).first()
        _cache["id"] = current
    return _cache["stats"]


def firm_opted_out(*, firm: Firm | None) -> bool:
    return firm is not None and OpenStatisticsOptOut.objects.filter(firm=firm).exists()
