"""Reads for identity: who belongs to which firm, and with what role."""

from __future__ import annotations

from django.db.models import QuerySet

from platform_.identity.models import Capability, Firm, FirmMember, Sector, User


def member_of(*, user: User | None, firm: Firm | int | None) -> FirmMember | None:
    """The person's membership of the firm, or None."""
    if user is None or firm is None or not user.is_authenticated:
        return None
    firm_id = firm if isinstance(firm, int) else firm.pk
    return FirmMember.objects.filter(user=user, firm_id=firm_id).select_related("firm").first()


def firms_of(*, user: User) -> QuerySet[Firm]:
    """The active firms the person belongs to."""
    return Firm.objects.filter(members__user=user, is_active=True).order_by("id")


def firms_directory(*, user: User | None = None) -> QuerySet[Firm]:
    """The firms anyone may look up: active ones, with their sectors, capabilities and needs."""
    return Firm.objects.filter(is_active=True).prefetch_related("sectors", "capabilities", "needs").order_by("id")


def sectors_all() -> QuerySet[Sector]:
    return Sector.objects.order_by("code")


def capabilities_all() -> QuerySet[Capability]:
    return Capability.objects.select_related("parent").order_by("code")


def firm_members(*, firm: Firm) -> QuerySet[FirmMember]:
    return FirmMember.objects.filter(firm=firm).select_related("user").order_by("joined_at")


def managed_firm_ids(*, user: User) -> set[int]:
    """Ids of the firms where the person is an owner or administrator."""
    return set(FirmMember.objects.filter(user=user, role__in=["owner", "admin"]).values_list("firm_id", flat=True))
