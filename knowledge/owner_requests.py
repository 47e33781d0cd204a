"""Writes for the requests other firms address to an asset's owners: a licence, or access to a restricted
asset. The asking firm asks; a manager (owner or administrator) of an owning firm grants or refuses."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from knowledge.embargo import end_of, grant_term_set
from knowledge.models import (
    AccessLevel,
    AccessRequest,
    Asset,
    AssetStatus,
    GrantKind,
    LicenceRequest,
    RequestStatus,
    UseKind,
)
from knowledge.selectors import assets_visible_to, is_owner
from knowledge.services import _owner_people, _require_member, _require_owner_member, use_record
from platform_.audit.services import audit_record
from platform_.errors import Conflict, NotFound
from platform_.identity.models import Firm
from platform_.notifications.messages import Message, per_language
from platform_.notifications.services import notify


@transaction.atomic
def licence_request_create(*, asset: Asset, by: Any, firm: Firm, message: str = "") -> LicenceRequest:
    """A firm that can see an asset asks its owners for a licence."""
    _require_member(user=by, firm=firm)
    if not assets_visible_to(user=by, firm=firm).filter(pk=asset.pk, status=AssetStatus.PUBLISHED).exists():
        raise NotFound(_("No such asset."))
    if is_owner(firm=firm, asset=asset):
        raise Conflict(_("Your firm owns this asset."))
    if LicenceRequest.objects.filter(asset=asset, firm=firm, status=RequestStatus.PENDING).exists():
        raise Conflict(_("Your firm has already asked for a licence."))
    request = LicenceRequest.objects.create(asset=asset, firm=firm, requested_by=by, message=message.strip()[:4000])
    notify(
        recipients=_owner_people(asset),
        kind="knowledge.licence_request",
        title=Message(
            gettext_noop("%(firm)s asks for a licence to %(title)s"),
            firm=per_language(lambda: firm.name),
            title=asset.title,
        ),
        body=message[:500],
        url="/knowledge/requests/",
        exclude=by,
        data={"asset_id": asset.pk},
    )
    return request


@transaction.atomic
def access_request_create(*, asset: Asset, by: Any, firm: Firm, message: str = "") -> AccessRequest:
    """A firm asks for access to a restricted (clusters or named firms) published asset."""
    _require_member(user=by, firm=firm)
    if asset.status != AssetStatus.PUBLISHED or asset.access_level not in (AccessLevel.CLUSTERS, AccessLevel.FIRMS):
        raise NotFound(_("No such asset."))
    if assets_visible_to(user=by, firm=firm).filter(pk=asset.pk).exists():
        raise Conflict(_("Your firm already has access."))
    if AccessRequest.objects.filter(asset=asset, firm=firm, status=RequestStatus.PENDING).exists():
        raise Conflict(_("Your firm has already asked for access."))
    request = AccessRequest.objects.create(asset=asset, firm=firm, requested_by=by, message=message.strip()[:4000])
    notify(
        recipients=_owner_people(asset),
        kind="knowledge.access_request",
        title=Message(
            gettext_noop("%(firm)s asks for access to %(title)s"),
            firm=per_language(lambda: firm.name),
            title=asset.title,
        ),
        body=message[:500],
        url="/knowledge/requests/",
        exclude=by,
        data={"asset_id": asset.pk},
    )
    return request


def _decide(request: LicenceRequest | AccessRequest, *, by: Any, grant: bool, reason: str) -> None:
    _require_owner_member(user=by, asset=request.asset, manager=True)
    if request.status != RequestStatus.PENDING:
        raise Conflict(_("This request has already been decided."))
    request.status = RequestStatus.GRANTED if grant else RequestStatus.REFUSED
    request.decided_by = by
    request.decision_reason = (reason or "").strip()
    request.decided_at = timezone.now()
    request.save()
    audit_record(
        actor=by,
        action=f"{request._meta.model_name}.{request.status}",
        target=request,
        firm=request.firm,
        reason=request.decision_reason,
    )


@transaction.atomic
def licence_request_decide(
    *, request: LicenceRequest, by: Any, grant: bool, reason: str = "", ends_on: date | None = None
) -> LicenceRequest:
    """An owner firm's manager grants or refuses; a grant is a licence use of the asset, and may end on a date."""
    request = LicenceRequest.objects.select_for_update().select_related("asset", "firm").get(pk=request.pk)
    _decide(request, by=by, grant=grant, reason=reason)
    if grant:
        use_record(firm=request.firm, user=request.requested_by, asset=request.asset, kind=UseKind.LICENCE)
        if ends_on is not None:
            grant_term_set(
                asset=request.asset, firm=request.firm, kind=GrantKind.LICENCE, ends_at=end_of(ends_on), by=by
            )
    people = [request.requested_by] if request.requested_by else []
    notify(
        recipients=people,
        kind="knowledge.licence_decided",
        title=Message(
            gettext_noop("Licence granted: %(title)s") if grant else gettext_noop("Licence refused: %(title)s"),
            title=request.asset.title,
        ),
        body=request.decision_reason,
        url=request.asset.get_absolute_url(),
        data={"asset_id": request.asset_id},
    )
    return request


@transaction.atomic
def access_request_decide(
    *, request: AccessRequest, by: Any, grant: bool, reason: str = "", ends_on: date | None = None
) -> AccessRequest:
    """An owner firm's manager grants (the firm is named on the asset, until ``ends_on`` if given) or refuses."""
    request = AccessRequest.objects.select_for_update().select_related("asset", "firm").get(pk=request.pk)
    _decide(request, by=by, grant=grant, reason=reason)
    if grant:
        request.asset.access_firms.add(request.firm)
        if ends_on is not None:
            grant_term_set(
                asset=request.asset, firm=request.firm, kind=GrantKind.ACCESS, ends_at=end_of(ends_on), by=by
            )
    people = [request.requested_by] if request.requested_by else []
    notify(
        recipients=people,
        kind="knowledge.access_decided",
        title=Message(
            gettext_noop("Access granted: %(title)s") if grant else gettext_noop("Access refused: %(title)s"),
            title=request.asset.title,
        ),
        body=request.decision_reason,
        url=request.asset.get_absolute_url(),
        data={"asset_id": request.asset_id},
    )
    return request
