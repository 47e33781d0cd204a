"""Embargoes and expiring grants: time limits on what a firm may read of an asset.

An asset under embargo shows its description (title, summary, categories, owners) but not its content
(body, files, previews, and the words of either in search snippets) until the date: ``content_withheld``
is the one predicate every surface asks. Access and licence grants may carry an end date
(``GrantTerm``); an ended access grant stops counting in the visibility rule at once (``grants_ended``),
and ``grant_terms_sweep`` (Celery beat) reminds the firms before the end, closes ended grants and
re-indexes assets whose embargo has passed.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, QuerySet
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from knowledge.models import Asset, AssetOwnership, GrantKind, GrantTerm
from platform_.audit.services import audit_record
from platform_.errors import DomainError, NotAllowed
from platform_.identity.models import Firm, FirmMember, FirmRole
from platform_.notifications.messages import Message
from platform_.notifications.services import notify


def end_of(day: date) -> datetime:
    """A grant that "ends on" a day lasts through it: it ends at the next local midnight."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def under_embargo(asset: Asset, *, at: datetime | None = None) -> bool:
    return asset.embargo_until is not None and asset.embargo_until > (at or timezone.now())


def content_withheld(*, asset: Asset, user: Any, firm: Any) -> bool:
    """Whether the asset's content is hidden from this reader: under embargo and the reader is neither
    one of its owners nor a moderator reviewing it."""
    if not under_embargo(asset):
        return False
    from knowledge.selectors import is_owner, may_moderate  # the selectors build on this module

    return not (is_owner(firm=firm, asset=asset) or may_moderate(user=user, asset=asset))


def grants_ended(*, firm_id: Any) -> QuerySet[GrantTerm]:
    """The firm's access grants whose end date has passed, for the asset of the outer query."""
    return GrantTerm.objects.filter(
        asset_id=OuterRef("pk"), firm_id=firm_id, kind=GrantKind.ACCESS, ended_at__isnull=True, ends_at__lte=Now()
    )


def _require_owner_manager(*, user: Any, asset: Asset) -> None:
    if not (
        user is not None
        and getattr(user, "is_authenticated", False)
        and FirmMember.objects.filter(
            user=user, role__in=[FirmRole.OWNER, FirmRole.ADMIN], firm__asset_ownerships__asset=asset
        ).exists()
    ):
        raise NotAllowed(_("Only the asset's owners may do this."))


@transaction.atomic
def asset_embargo_set(*, asset: Asset, by: Any, until: datetime | None) -> Asset:
    """Put the asset under embargo until a future date, or lift it (``until`` None)."""
    from knowledge.search import index_asset

    _require_owner_manager(user=by, asset=asset)
    if until is not None and until <= timezone.now():
        raise DomainError(_("An embargo ends in the future."), field="embargo_until")
    asset = Asset.objects.select_for_update().get(pk=asset.pk)
    asset.embargo_until = until
    asset.save(update_fields=["embargo_until", "updated_at"])
    index_asset(asset.pk)  # the search document drops (or regains) the content's words
    audit_record(
        actor=by,
        action="asset.embargo" if until else "asset.embargo_lifted",
        target=asset,
        data={"until": until.isoformat() if until else None},
    )
    return asset


@transaction.atomic
def grant_term_set(*, asset: Asset, firm: Firm, kind: str, ends_at: datetime, by: Any) -> GrantTerm:
    """Give a firm's access to, or licence of, the asset an end date (replacing an open one)."""
    _require_owner_manager(user=by, asset=asset)
    if kind not in GrantKind.values:
        raise DomainError(_("Unknown kind of grant."), field="kind")
    if ends_at <= timezone.now():
        raise DomainError(_("A grant ends in the future."), field="ends_on")
    term = (
        GrantTerm.objects.select_for_update().filter(asset=asset, firm=firm, kind=kind, ended_at__isnull=True).first()
    )
    if term is None:
        term = GrantTerm(asset=asset, firm=firm, kind=kind)
    term.ends_at = ends_at
    term.reminded_at = None
    term.set_by = by
    term.save()
    audit_record(
        actor=by,
        action=f"grant.{kind}.term",
        target=asset,
        firm=firm,
        data={"term_id": term.pk, "ends_at": ends_at.isoformat()},
    )
    return term


def _people(term: GrantTerm) -> list[Any]:
    """The grantee's managers and the owners' managers."""
    members = FirmMember.objects.filter(
        role__in=[FirmRole.OWNER, FirmRole.ADMIN], firm_id__in=[term.firm_id, *owner_ids(term.asset_id)]
    ).select_related("user")
    return [m.user for m in members]


def owner_ids(asset_id: int) -> list[int]:
    return list(AssetOwnership.objects.filter(asset_id=asset_id).values_list("firm_id", flat=True))


def _remind(term: GrantTerm) -> None:
    title = Message(
        gettext_noop("Access to %(title)s ends on %(date)s")
        if term.kind == GrantKind.ACCESS
        else gettext_noop("The licence of %(title)s ends on %(date)s"),
        title=term.asset.title,
        date=timezone.localtime(term.ends_at).date().isoformat(),
    )
    notify(
        recipients=_people(term),
        kind="knowledge.grant_ending",
        title=title,
        body=Message(gettext_noop("The owners may extend it; the grantee may ask them to.")),
        url=term.asset.get_absolute_url(),
        data={"asset_id": term.asset_id, "term_id": term.pk},
    )
    term.reminded_at = timezone.now()
    term.save(update_fields=["reminded_at"])


def _end(term: GrantTerm) -> None:
    term.ended_at = timezone.now()
    term.save(update_fields=["ended_at"])
    if term.kind == GrantKind.ACCESS:
        term.asset.access_firms.remove(term.firm_id)
    audit_record(
        actor=None,
        action=f"grant.{term.kind}.ended",
        target=term.asset,
        firm=term.firm,
        data={"term_id": term.pk, "ends_at": term.ends_at.isoformat()},
    )
    title = Message(
        gettext_noop("Access to %(title)s has ended")
        if term.kind == GrantKind.ACCESS
        else gettext_noop("The licence of %(title)s has ended"),
        title=term.asset.title,
    )
    notify(
        recipients=_people(term),
        kind="knowledge.grant_ended",
        title=title,
        url=term.asset.get_absolute_url(),
        data={"term_id": term.pk},
    )


def grant_terms_sweep(*, at: datetime | None = None) -> dict[str, int]:
    """Remind before the end (``GRANT_REMINDER_DAYS``), close ended grants, re-index lifted embargoes.
    Each row is locked and guarded on its state, so two sweeps never act twice."""
    from knowledge.search import index_asset

    now = at or timezone.now()
    ahead = timedelta(days=getattr(settings, "GRANT_REMINDER_DAYS", 7))
    done = {"reminded": 0, "ended": 0, "embargoes_lifted": 0}
    due = GrantTerm.objects.filter(ended_at__isnull=True, ends_at__lte=now).values_list("pk", flat=True)
    for pk in list(due):
        with transaction.atomic():
            term = (
                GrantTerm.objects.select_for_update()
                .select_related("asset")
                .filter(pk=pk, ended_at__isnull=True)
                .first()
            )
            if term is not None:
                _end(term)
                done["ended"] += 1
    soon = GrantTerm.objects.filter(ended_at__isnull=True, reminded_at__isnull=True, ends_at__lte=now + ahead)
    for pk in list(soon.values_list("pk", flat=True)):
        with transaction.atomic():
            term = (
                GrantTerm.objects.select_for_update()
                .select_related("asset")
                .filter(pk=pk, ended_at__isnull=True, reminded_at__isnull=True)
                .first()
            )
            if term is not None:
                _remind(term)
                done["reminded"] += 1
    for pk in list(Asset.objects.filter(embargo_until__lte=now).values_list("pk", flat=True)):
        with transaction.atomic():
            asset = Asset.objects.select_for_update().filter(pk=pk, embargo_until__lte=now).first()
            if asset is not None:
                until = asset.embargo_until
                asset.embargo_until = None
                asset.save(update_fields=["embargo_until", "updated_at"])
                index_asset(asset.pk)
                audit_record(
                    actor=None,
                    action="asset.embargo_ended",
                    target=asset,
                    data={"until": until.isoformat() if until else None},
                )
                done["embargoes_lifted"] += 1
    return done
