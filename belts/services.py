"""Writes of belts: creation by platform administrators or agencies covering the region, and a firm's answer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from agencies.models import Agency, AgencyMember, AgencyStatus
from agencies.selectors import jurisdiction_covers
from belts import selectors
from belts.models import Belt, BeltMember, BeltMemberStatus
from platform_.audit.services import audit_record
from platform_.errors import Conflict, NotAllowed
from platform_.identity.models import MANAGING_ROLES, Firm, FirmMember, Sector, User
from platform_.identity.regions import Province
from platform_.identity.selectors import member_of
from platform_.notifications.messages import Message, per_language
from platform_.notifications.services import notify


def belt_may_create(*, by: Any, agency: Agency | None, province: str, city: str = "") -> bool:
    """Platform administrators create any belt; a verified agency's people, belts inside its jurisdiction."""
    if by is None or not by.is_authenticated:
        return False
    if agency is None:
        return bool(by.is_platform_admin)
    return (
        agency.status == AgencyStatus.VERIFIED
        and AgencyMember.objects.filter(agency=agency, user=by).exists()
        and jurisdiction_covers(agency=agency, province=province, city=city)
    )


def belt_create(
    *,
    by: User,
    name_zh: str,
    name_en: str,
    province: str,
    sectors: Sequence[Sector],
    city: str = "",
    description: str = "",
    agency: Agency | None = None,
) -> Belt:
    """Create a belt (a region with its sectors); the firms of the region and sectors are then suggested."""
    if province not in Province.values:
        raise Conflict(_("Unknown province code: %(code)s.") % {"code": province}, field="province")
    if not sectors:
        raise Conflict(_("Name at least one sector of the belt."), field="sectors")
    if not name_zh.strip() or not name_en.strip():
        raise Conflict(_("A belt needs a Chinese and an English name."), field="name_zh")
    if not belt_may_create(by=by, agency=agency, province=province, city=city):
        raise NotAllowed(
            _("Only platform administrators, or a verified agency whose jurisdiction covers the region, create belts.")
        )
    with transaction.atomic():
        belt = Belt.objects.create(
            name_zh=name_zh.strip(),
            name_en=name_en.strip(),
            province=province,
            city=city.strip(),
            description=description.strip(),
            agency=agency,
            created_by=by,
        )
        belt.sectors.set(sectors)
        audit_record(actor=by, action="belt.create", target=belt, data={"agency": agency.pk if agency else None})
        managers = FirmMember.objects.filter(
            firm__in=selectors.firms_suggested(belt=belt), role__in=MANAGING_ROLES
        ).select_related("user")
        notify(
            recipients=[m.user for m in managers],
            kind="belt.suggested",
            title=Message(
                gettext_noop("Your firm is suggested as a member of the online industry belt %(belt)s"),
                belt=per_language(lambda: belt.name),
            ),
            url=reverse("belts:mine"),
            exclude=by,
        )
    return belt


def belt_membership_answer(*, belt: Belt, firm: Firm, by: User, confirm: bool) -> BeltMember:
    """A firm's owners or administrators confirm the belt's suggestion (the firm then counts) or decline it."""
    member = member_of(user=by, firm=firm)
    if member is None or member.role not in MANAGING_ROLES:
        raise NotAllowed(_("Only the firm's owners and administrators may answer for it."))
    if confirm and not selectors.belt_matches(belt=belt, firm=firm):
        raise Conflict(_("Only firms located in the belt's region and working in one of its sectors may join it."))
    status = BeltMemberStatus.CONFIRMED if confirm else BeltMemberStatus.DECLINED
    existing = BeltMember.objects.filter(belt=belt, firm=firm, status=status).first()
    if existing is not None:
        return existing  # answering twice keeps the first date (the month the firm joined)
    with transaction.atomic():
        answer, _created = BeltMember.objects.update_or_create(
            belt=belt, firm=firm, defaults={"status": status, "decided_by": by, "decided_at": timezone.now()}
        )
        audit_record(actor=by, action=f"belt.{status}", target=belt, firm=firm)
    return answer
