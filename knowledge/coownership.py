"""Writes for co-ownership: a firm names another as co-owner, and the named firm accepts or declines.

A tie between two firms counts (conflicts of interest, spillover credit, display, webhooks, partner
suggestions) only as an ``AssetOwnership`` row, and only the named firm's owner or administrator
creates one for it, by accepting a ``CoOwnershipRequest``. One firm's word alone never binds another.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from knowledge.models import Asset, AssetOwnership, CoOwnershipRequest, CoOwnershipStatus
from knowledge.search import index_asset
from platform_.audit.services import audit_record
from platform_.errors import Conflict, NotAllowed
from platform_.identity.models import Firm, FirmMember, FirmRole
from platform_.notifications.messages import Message, per_language
from platform_.notifications.services import notify

REQUESTS_URL = "/knowledge/requests/"


def _managers(firm: Firm) -> list[Any]:
    return [
        m.user
        for m in FirmMember.objects.filter(firm=firm, role__in=[FirmRole.OWNER, FirmRole.ADMIN]).select_related("user")
    ]


def _require_manager(*, user: Any, firm: Firm, message: str) -> None:
    if not (
        user is not None
        and getattr(user, "is_authenticated", False)
        and FirmMember.objects.filter(user=user, firm=firm, role__in=[FirmRole.OWNER, FirmRole.ADMIN]).exists()
    ):
        raise NotAllowed(message)


def coownership_requests_open(
    *, asset: Asset, from_firm: Firm, by: Any, shares: Sequence[tuple[Firm, Decimal]]
) -> list[CoOwnershipRequest]:
    """Ask each named firm to co-own ``asset`` for its share; ``from_firm`` holds the asset meanwhile.
    Called inside the caller's transaction (asset creation)."""
    rows = CoOwnershipRequest.objects.bulk_create(
        [
            CoOwnershipRequest(asset=asset, firm=firm, from_firm=from_firm, share=share, requested_by=by)
            for firm, share in shares
        ]
    )
    for row in rows:
        audit_record(
            actor=by,
            action="coownership.request",
            target=row,
            firm=from_firm,
            data={"asset": asset.pk, "named_firm": row.firm_id, "share": str(row.share)},
        )
        notify(
            recipients=_managers(row.firm),
            kind="knowledge.coownership_request",
            title=Message(
                gettext_noop("%(firm)s names your firm as co-owner of %(title)s"),
                firm=per_language(lambda: from_firm.name),
                title=asset.title,
            ),
            url=REQUESTS_URL,
            exclude=by,
            data={"coownership_request_id": row.pk},
        )
    return rows


def _pending(request: CoOwnershipRequest) -> CoOwnershipRequest:
    row = CoOwnershipRequest.objects.select_for_update().select_related("asset", "firm", "from_firm").get(pk=request.pk)
    if row.status != CoOwnershipStatus.PENDING:
        raise Conflict(_("This request has already been decided."))
    return row


def _close(row: CoOwnershipRequest, *, status: str, by: Any) -> None:
    row.status = status
    row.decided_by = by
    row.decided_at = timezone.now()
    row.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(
        actor=by,
        action=f"coownership.{status}",
        target=row,
        firm=row.firm if status != CoOwnershipStatus.WITHDRAWN else row.from_firm,
        data={"asset": row.asset_id, "named_firm": row.firm_id, "from_firm": row.from_firm_id},
    )


def _take_share(row: CoOwnershipRequest) -> None:
    """Give the named firm its share: out of the requesting firm's share when it still holds enough
    (so equal co-owners end equal whatever order they accept in), otherwise out of every owner's share
    in proportion. The shares of the asset keep summing to exactly 1."""
    owned = list(AssetOwnership.objects.select_for_update().filter(asset=row.asset).order_by("id"))
    if any(o.firm_id == row.firm_id for o in owned):
        raise Conflict(_("Your firm already co-owns this asset."))
    giver = next((o for o in owned if o.firm_id == row.from_firm_id), None)
    if giver is not None and giver.share > row.share:
        giver.share -= row.share
        giver.save(update_fields=["share"])
    elif owned:
        keep = Decimal(1) - row.share
        for ownership in owned:
            ownership.share = (ownership.share * keep).quantize(Decimal("0.000001"))
        owned[0].share = keep - sum((o.share for o in owned[1:]), Decimal(0))
        AssetOwnership.objects.bulk_update(owned, ["share"])
    AssetOwnership.objects.create(asset=row.asset, firm=row.firm, share=row.share if owned else Decimal(1))


@transaction.atomic
def coownership_request_accept(*, request: CoOwnershipRequest, by: Any) -> CoOwnershipRequest:
    """The named firm's owner or administrator accepts: from now on the firm co-owns the asset."""
    _require_manager(
        user=by, firm=request.firm, message=_("Only an owner or administrator of the named firm may decide.")
    )
    row = _pending(request)
    _take_share(row)
    _close(row, status=CoOwnershipStatus.ACCEPTED, by=by)
    index_asset(row.asset_id)
    notify(
        recipients=[*_managers(row.from_firm), *([row.requested_by] if row.requested_by else [])],
        kind="knowledge.coownership_accepted",
        title=Message(
            gettext_noop("%(firm)s accepted to co-own %(title)s"),
            firm=per_language(lambda: row.firm.name),
            title=row.asset.title,
        ),
        url=row.asset.get_absolute_url(),
        exclude=by,
        data={"coownership_request_id": row.pk},
    )
    return row


@transaction.atomic
def coownership_request_decline(*, request: CoOwnershipRequest, by: Any) -> CoOwnershipRequest:
    """The named firm's owner or administrator declines: no tie, the requesting firm keeps its share."""
    _require_manager(
        user=by, firm=request.firm, message=_("Only an owner or administrator of the named firm may decide.")
    )
    row = _pending(request)
    _close(row, status=CoOwnershipStatus.DECLINED, by=by)
    notify(
        recipients=[*_managers(row.from_firm), *([row.requested_by] if row.requested_by else [])],
        kind="knowledge.coownership_declined",
        title=Message(
            gettext_noop("%(firm)s declined to co-own %(title)s"),
            firm=per_language(lambda: row.firm.name),
            title=row.asset.title,
        ),
        url=REQUESTS_URL,
        exclude=by,
        data={"coownership_request_id": row.pk},
    )
    return row


@transaction.atomic
def coownership_request_withdraw(*, request: CoOwnershipRequest, by: Any) -> CoOwnershipRequest:
    """The requesting firm (its owner or administrator, or the person who asked) takes the request back."""
    asker = (
        by is not None
        and by.pk == request.requested_by_id
        and FirmMember.objects.filter(user=by, firm_id=request.from_firm_id).exists()
    )
    if not asker:
        _require_manager(
            user=by,
            firm=request.from_firm,
            message=_("Only the requesting firm's owner or administrator may withdraw this request."),
        )
    row = _pending(request)
    _close(row, status=CoOwnershipStatus.WITHDRAWN, by=by)
    return row
