"""The belts' part of the open statistics: what the observatory's refresh reads about belts from the record.

Registered with ``observatory.compute.extract_register`` from the app's ready(); the observatory then
protects and publishes the figures (``observatory.belt_figures``) with every other open table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone

from belts.models import Belt, BeltMember, BeltMemberStatus
from knowledge.models import Asset, AssetOwnership, AssetStatus
from projects.models import Project, ProjectStatus


def extract(*, counted: set[int], months: list[str], rows: Callable[..., list[tuple[Any, ...]]]) -> dict[str, Any]:
    """Belts with their counted confirmed members, and the per-firm monthly assets and sponsored projects."""

    belts: list[dict[str, Any]] = []
    joined: dict[int, dict[int, str]] = {}
    for belt_id, firm_id, decided in BeltMember.objects.filter(status=BeltMemberStatus.CONFIRMED).values_list(
        "belt_id", "firm_id", "decided_at"
    ):
        if firm_id in counted:
            joined.setdefault(belt_id, {})[firm_id] = timezone.localtime(decided).strftime("%Y-%m")
    for belt in Belt.objects.prefetch_related("sectors").order_by("pk"):
        belts.append(
            {
                "id": belt.pk,
                "name_zh": belt.name_zh,
                "name_en": belt.name_en,
                "province": belt.province,
                "city": belt.city,
                "sectors": sorted(s.code for s in belt.sectors.all()),
                "members": joined.get(belt.pk, {}),
            }
        )
    members = {firm for belt in belts for firm in belt["members"]}
    owner, asset = AssetOwnership._meta.db_table, Asset._meta.db_table
    assets = [
        (firm_id, month, int(n))
        for firm_id, month, n in rows(
            f"SELECT o.firm_id, to_char(COALESCE(a.published_at, a.created_at), 'YYYY-MM'), count(*) "  # noqa: S608
            f"FROM {owner} o JOIN {asset} a ON a.id = o.asset_id WHERE a.status = %s AND o.firm_id = ANY(%s) "
            f"GROUP BY 1, 2",
            [AssetStatus.PUBLISHED, list(members)],
        )
    ]
    public = [ProjectStatus.OPEN, ProjectStatus.CLOSED, ProjectStatus.JUDGING, ProjectStatus.AWARDED]
    projects: dict[tuple[int, str], int] = {}
    for firm_id, created in Project.objects.filter(sponsor_id__in=members, status__in=public).values_list(
        "sponsor_id", "created_at"
    ):
        key = (firm_id, timezone.localtime(created).strftime("%Y-%m"))
        projects[key] = projects.get(key, 0) + 1
    return {
        "belts": belts,
        "assets": assets,
        "projects": [(firm, month, n) for (firm, month), n in projects.items()],
    }
