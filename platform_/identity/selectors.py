"""Reads for identity: who belongs to which firm, and with what role."""

from __future__ import annotations

import functools
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from platform_.identity.models import Capability, Firm, FirmMember, Sector, User
from platform_.request_memo import remembered


def member_of(*, user: User | None, firm: Firm | int | None) -> FirmMember | None:
    """The person's membership of the firm, or None."""
    if user is None or firm is None or not user.is_authenticated:
        return None
    firm_id = firm if isinstance(firm, int) else firm.pk
    return remembered(
        membership_key(user_id=user.pk, firm_id=firm_id),
        lambda: FirmMember.objects.filter(user=user, firm_id=firm_id).select_related("firm").first(),
    )


def membership_key(*, user_id: int, firm_id: int) -> tuple[str, int, int]:
    """The key of a membership among a request's remembered facts (the acting firm's is known at once)."""
    return ("identity.member_of", user_id, firm_id)


def firms_of(*, user: User) -> QuerySet[Firm]:
    """The active firms the person belongs to."""
    return Firm.objects.filter(members__user=user, is_active=True).order_by("id")


def memberships_of(*, user: User) -> list[FirmMember]:
    """Every membership of the person, with its firm (active or not), by firm id: once per reading request,
    for the firm switcher of every page and the role checks that ask "is this one of my firms?"."""
    return remembered(
        ("identity.memberships_of", user.pk),
        lambda: list(FirmMember.objects.filter(user=user).select_related("firm").order_by("firm_id")),
    )


def firms_directory(*, user: User | None = None) -> QuerySet[Firm]:
    """The firms anyone may look up: active ones (attach their taxonomy with ``firms_with_taxonomy``)."""
    return Firm.objects.filter(is_active=True).order_by("id")


def taxonomy_links_sql(through: Any, owner: str, target: str, label: str | None = None) -> str:
    """A many-to-many link table joined to its taxonomy table (sectors, capabilities): rows of
    ([label,] owner id, code, name_zh, name_en) for the owners in one array parameter (``= ANY(%s)``).

    Written from the models' metadata. One array parameter, not ``IN (...)``: a list of a page's ids made
    psycopg rewrite a query of 150 parameters on every request.
    """
    qn = connection.ops.quote_name
    meta = through._meta
    owner_column = qn(str(meta.get_field(owner).column))
    target_field = meta.get_field(target)
    target_meta = target_field.related_model._meta
    label_column = f"'{label}', " if label else ""
    return (
        f"SELECT {label_column}l.{owner_column}, t.{qn('code')}, t.{qn('name_zh')}, t.{qn('name_en')}"  # noqa: S608
        f" FROM {qn(meta.db_table)} l JOIN {qn(target_meta.db_table)} t"
        f" ON t.{qn(str(target_meta.pk.column))} = l.{qn(str(target_field.column))}"
        f" WHERE l.{owner_column} = ANY(%s)"
    )


@functools.cache
def _taxonomy_sql() -> str:
    """The three link tables of a page of firms as one UNION ALL query, built once."""
    return " UNION ALL ".join(
        taxonomy_links_sql(through, "firm", target, kind)
        for kind, through, target in (
            ("sectors", Firm.sectors.through, "sector"),
            ("capabilities", Firm.capabilities.through, "capability"),
            ("needs", Firm.needs.through, "capability"),
        )
    )


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
        with connection.cursor() as cursor:
            cursor.execute(_taxonomy_sql(), [ids, ids, ids])
            for kind, firm_id, code, name_zh, name_en in cursor.fetchall():
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
