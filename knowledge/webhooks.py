"""The knowledge assets' webhook events (registered when KnowledgeConfig.ready imports this module).

Who hears of an asset is decided by the asset visibility rule itself (``assets_visible_to``), the
one that pages, the API and search use: there is no second copy of the rule here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.models import Exists
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from knowledge.selectors import assets_visible_to
from platform_.api.webhooks import payload_id, webhook_event_register
from platform_.identity.models import Firm


def firms_seeing_asset(*, asset_id: int | None, firm_ids: Iterable[int], as_published: bool = False) -> set[int]:
    """Of ``firm_ids``, the firms the visibility rule lets see the asset: one query for the whole set.

    The rule (``assets_visible_to``) is built once for "the firm of the current row": a firm whose
    key is the outer query's firm id column. PostgreSQL then evaluates that same rule for every
    candidate firm, as a correlated EXISTS, instead of Python asking once per firm.
    """
    ids = set(firm_ids)
    if asset_id is None or not ids:
        return set()
    quote = connection.ops.quote_name
    column = f"{quote(Firm._meta.db_table)}.{quote(str(Firm._meta.pk.column))}"  # model metadata, no input
    current_firm = Firm(pk=RawSQL(column, ()))  # noqa: S611
    visible = assets_visible_to(user=None, firm=current_firm, as_published=as_published).filter(pk=asset_id)
    return set(Firm.objects.filter(pk__in=ids).filter(Exists(visible)).order_by().values_list("pk", flat=True))


def asset_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The firms that may see the published asset."""
    return firms_seeing_asset(asset_id=payload_id(payload, "asset_id"), firm_ids=candidates)


def asset_taken_down_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The firms that could see the asset while it was published (the same rule, asked as if it still were)."""
    return firms_seeing_asset(asset_id=payload_id(payload, "asset_id"), firm_ids=candidates, as_published=True)


webhook_event_register(
    name="asset.published", description=_("A knowledge asset was published"), audience=asset_audience
)
webhook_event_register(
    name="asset.taken_down", description=_("A knowledge asset was taken down"), audience=asset_taken_down_audience
)
