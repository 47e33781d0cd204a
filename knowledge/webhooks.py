"""The knowledge assets' webhook events (registered when KnowledgeConfig.ready imports this module).

Who hears of an asset is decided by the asset visibility rule itself (``assets_visible_to``), the
one that pages, the API and search use: there is no second copy of the rule here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import IntegerField, Value
from django.utils.translation import gettext_lazy as _

from knowledge.models import Asset, AssetStatus
from knowledge.selectors import assets_visible_to
from platform_.api.webhooks import payload_id, webhook_event_register

# Firms asked about per query: keeps the statement and its parameters well inside PostgreSQL's limits.
_FIRMS_PER_QUERY = 500


def firms_seeing_asset(*, asset_id: int | None, firm_ids: Iterable[int]) -> set[int]:
    """Of ``firm_ids``, the firms the visibility rule lets see the asset, in one query per 500 firms.

    Each firm's branch is ``assets_visible_to(firm=...)`` narrowed to the asset; the branches are
    joined with UNION ALL, so the database answers for the whole set at once.
    """
    ids = sorted(set(firm_ids))
    if asset_id is None or not ids:
        return set()
    seeing: set[int] = set()
    for start in range(0, len(ids), _FIRMS_PER_QUERY):
        branches = [
            assets_visible_to(user=None, firm=firm_id)
            .filter(pk=asset_id)
            .values_list(Value(firm_id, output_field=IntegerField()), flat=True)
            for firm_id in ids[start : start + _FIRMS_PER_QUERY]
        ]
        seeing |= set(branches[0].union(*branches[1:], all=True))
    return seeing


def asset_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The firms that may see the published asset."""
    return firms_seeing_asset(asset_id=payload_id(payload, "asset_id"), firm_ids=candidates)


def asset_taken_down_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The firms that could see the asset while it was published.

    The rule hides a taken-down asset from everyone, so it is asked about the asset as it stood
    while published: the status is put back inside a savepoint that is always rolled back, so no
    other transaction ever sees the change.
    """
    with transaction.atomic():
        Asset.objects.filter(pk=payload_id(payload, "asset_id"), status=AssetStatus.TAKEN_DOWN).update(
            status=AssetStatus.PUBLISHED
        )
        audience = firms_seeing_asset(asset_id=payload_id(payload, "asset_id"), firm_ids=candidates)
        transaction.set_rollback(True)
    return audience


webhook_event_register(
    name="asset.published", description=_("A knowledge asset was published"), audience=asset_audience
)
webhook_event_register(
    name="asset.taken_down", description=_("A knowledge asset was taken down"), audience=asset_taken_down_audience
)
