"""Keeps the sector and capability tables in step with the shipped reference data (after migrate)."""

from __future__ import annotations

from typing import Any


def sync_reference_data(**kwargs: Any) -> None:
    from platform_.identity.data.capabilities import CAPABILITIES
    from platform_.identity.data.sectors import SECTORS
    from platform_.identity.models import Capability, Sector

    for code, section, name_zh, name_en in SECTORS:
        Sector.objects.update_or_create(
            code=code, defaults={"section": section, "name_zh": name_zh, "name_en": name_en}
        )
    by_code: dict[str, Capability] = {}
    for code, parent, name_zh, name_en in CAPABILITIES:
        by_code[code], _created = Capability.objects.update_or_create(
            code=code,
            defaults={"parent": by_code.get(parent) if parent else None, "name_zh": name_zh, "name_en": name_en},
        )
