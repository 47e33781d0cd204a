"""Reads of signed IP transfers: a transfer is seen by the people of its firms only."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from platform_.identity.models import FirmMember
from projects.models import Award, Project
from projects.models_esign import IpTransfer, TransferDocument, TransferParty


def _firm_ids(user: Any) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(FirmMember.objects.filter(user=user).values_list("firm_id", flat=True))


def transfers_visible_to(*, user: Any, project: Project) -> QuerySet[IpTransfer]:
    """The project's transfers whose firms include one of the user's."""
    return (
        IpTransfer.objects.filter(award__project=project, parties__firm_id__in=_firm_ids(user))
        .distinct()
        .select_related("award__entry")
        .prefetch_related("parties__firm", "documents")
        .order_by("id")
    )


def transfer_get(*, user: Any, project: Project, award_id: int) -> IpTransfer | None:
    return transfers_visible_to(user=user, project=project).filter(award_id=award_id).first()


def awards_to_transfer(*, user: Any, project: Project) -> QuerySet[Award]:
    """Awards that assign IP and have no transfer yet, for the sponsor's people."""
    if project.sponsor_id not in _firm_ids(user):
        return Award.objects.none()
    return project.awards.filter(ip_terms="assignment", ip_transfer__isnull=True).select_related("entry")


def my_parties(*, user: Any, transfer: IpTransfer) -> list[TransferParty]:
    firms = _firm_ids(user)
    return [party for party in transfer.parties.all() if party.firm_id in firms]


def document_get(*, user: Any, project: Project, transfer_id: int, number: int) -> TransferDocument | None:
    transfer = transfers_visible_to(user=user, project=project).filter(pk=transfer_id).first()
    if transfer is None:
        return None
    return transfer.documents.filter(number=number).first()
