"""Reads for identity: who belongs to which firm, and with what role."""

from __future__ import annotations

from typing import Any

from django.db.models import CharField, F, QuerySet, Value

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
    """The firms anyone may look up: active ones (attach their taxonomy with ``firms_with_taxonomy``)."""
    return Firm.objects.filter(is_active=True).order_by("id")


def firms_with_taxonomy(*, firms: list[Firm]) -> list[Firm]:
    """Sets ``taxonomy`` on each firm: its sectors, capabilities and needs as (code, name_zh, name_en), by code.

    One query for a page of any size: the three link tables read by firm id, joined to the small
    taxonomy tables (cheaper than three prefetches that build a queryset per firm and relation).
    """
    taxonomy: dict[int, dict[str, list[tuple[str, str, str]]]] = {
        firm.pk: {"sectors": [], "capabilities": [], "needs": []} for firm in firms
    }
    if taxonomy:
        ids = list(taxonomy)
        columns = ("kind", "firm_id", "code", "name_zh", "name_en")
        links: list[tuple[str, Any, str]] = [
            ("sectors", Firm.sectors.through, "sector"),
            ("capabilities", Firm.capabilities.through, "capability"),
            ("needs", Firm.needs.through, "capability"),
        ]
        parts = [
            through.objects.filter(firm_id__in=ids)
            .annotate(
                kind=Value(kind, output_field=CharField()),
                code=F(f"{target}__code"),
                name_zh=F(f"{target}__name_zh"),
                name_en=F(f"{target}__name_en"),
            )
            .values_list(*columns)
            .order_by()
            for kind, through, target in links
        ]
        for kind, firm_id, code, name_zh, name_en in parts[0].union(*parts[1:], all=True):
            taxonomy[firm_id][kind].append((code, name_zh, name_en))
    for firm in firms:
        for rows in taxonomy[firm.pk].values():
            rows.sort()
        firm.taxonomy = taxonomy[firm.pk]  # type: ignore[attr-defined]
    return firms


def sectors_all() -> QuerySet[Sector]:
    return Sector.objects.order_by("code")


def capabilities_all() -> QuerySet[Capability]:
    return Capability.objects.select_related("parent").order_by("code")


def firm_members(*, firm: Firm) -> QuerySet[FirmMember]:
    return FirmMember.objects.filter(firm=firm).select_related("user").order_by("joined_at")


def managed_firm_ids(*, user: User) -> set[int]:
    """Ids of the firms where the person is an owner or administrator."""
    return set(FirmMember.objects.filter(user=user, role__in=["owner", "admin"]).values_list("firm_id", flat=True))
