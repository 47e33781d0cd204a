"""Helpers the service modules share: locking a project, the people of firms, who may act."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from platform_.errors import NotAllowed
from platform_.identity.models import MANAGING_ROLES, Firm, FirmMember, User
from projects import selectors
from projects.models import (
    Project,
    TermsAcceptance,
)


def _lock(project: Project) -> Project:
    return Project.objects.select_for_update(of=("self",)).select_related("sponsor", "cluster").get(pk=project.pk)


def _people(firm_ids: Iterable[int]) -> list[User]:
    return list(User.objects.filter(firm_memberships__firm_id__in=list(firm_ids), is_active=True).distinct())


def _managers(firm_ids: Iterable[int]) -> list[User]:
    """The owners and administrators of the firms: who answers for a firm."""
    return list(
        User.objects.filter(
            firm_memberships__firm_id__in=list(firm_ids), firm_memberships__role__in=MANAGING_ROLES, is_active=True
        ).distinct()
    )


def _require_off_panel(*, project: Project, firm_ids: Iterable[int]) -> None:
    """Judges' independence, the entrant's side: a firm with a person on the panel does not take part."""
    on_panel = selectors.panel_firm_ids(project=project) & set(firm_ids)
    if on_panel:
        names = ", ".join(sorted(firm.name for firm in Firm.objects.filter(pk__in=on_panel)))
        raise NotAllowed(
            _("A person of %(firms)s judges this project, so the firm may not take part in it.") % {"firms": names},
            code="judge_conflict",
        )


def _sponsor_people(project: Project) -> list[User]:
    return _people([project.sponsor_id])


def _solver_people(project: Project) -> list[User]:
    return _people(TermsAcceptance.objects.filter(project=project).values_list("firm_id", flat=True))


def _require_sponsor_manager(*, project: Project, by: User) -> None:
    if not selectors.is_sponsor_manager(user=by, project=project):
        raise NotAllowed(_("Only an owner or administrator of the sponsor firm may do this."))


def _require_member(*, firm: Firm | None, by: User, managing: bool = False) -> Firm:
    if firm is None:
        raise NotAllowed(_("Act for a firm first."))
    members = FirmMember.objects.filter(user=by, firm=firm)
    if managing:
        members = members.filter(role__in=MANAGING_ROLES)
    if not members.exists():
        raise NotAllowed(
            _("You do not act for this firm.")
            if not managing
            else _("Only an owner or administrator of the firm may do this.")
        )
    return firm
