"""Reads of the challenge types, filtered by who asks: ideas (sealed or open), proposals and contracts."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from platform_.errors import NotFound
from platform_.identity.models import Firm, FirmMember
from projects.models import Project, ProjectKind, ProjectStatus, TeamFirm
from projects.models_types import (
    Contract,
    ContractMilestone,
    Idea,
    IdeaComment,
    IdeaCredit,
    Ideation,
    Proposal,
)
from projects.selectors import _authenticated, acceptance_of, is_sponsor, judge_of

# Proposals stay sealed from the sponsor too until entries close, as entries do.
PROPOSALS_UNSEALED = (ProjectStatus.CLOSED, ProjectStatus.JUDGING, ProjectStatus.AWARDED)


# --- ideation ----------------------------------------------------------------------------------


def ideation_is_open(*, project: Project) -> bool:
    """Open ideation: the sponsor chose it (the default is sealed)."""
    return Ideation.objects.filter(project=project, open=True).exists()


def participant_firm(*, user: Any, firm: Firm | None, project: Project) -> Firm | None:
    """The acting firm when the person acts for it and it accepted the project's terms, else None."""
    if not _authenticated(user) or firm is None:
        return None
    if not FirmMember.objects.filter(user=user, firm=firm).exists():
        return None
    return firm if acceptance_of(firm=firm, project=project) is not None else None


def sees_all_ideas(*, user: Any, project: Project) -> bool:
    """The sponsor's people, platform administrators, and the judges once entries have closed."""
    if not _authenticated(user):
        return False
    if user.is_platform_admin or is_sponsor(user=user, project=project):
        return True
    return project.status in PROPOSALS_UNSEALED and judge_of(user=user, project=project) is not None


def can_engage_ideas(*, user: Any, firm: Firm | None, project: Project) -> bool:
    """May the person comment on and support others' ideas? Participants of an open ideation."""
    return (
        project.kind == ProjectKind.IDEATION
        and participant_firm(user=user, firm=firm, project=project) is not None
        and ideation_is_open(project=project)
    )


def ideas_visible_to(*, user: Any, firm: Firm | None, project: Project) -> QuerySet[Idea]:
    """Sponsor (and judges after close) see every idea; in open ideation participants see the ideas
    that stand (not merged away) and their own; in sealed ideation a participant sees only its own."""
    queryset = (
        Idea.objects.filter(project=project)
        .select_related("firm", "merged_into")
        .prefetch_related(Prefetch("credits", queryset=IdeaCredit.objects.select_related("firm")))
        .annotate(support_count=Count("supports", distinct=True))
        .order_by("created_at", "id")
    )
    if project.kind != ProjectKind.IDEATION:
        return queryset.none()
    if sees_all_ideas(user=user, project=project):
        return queryset
    own = participant_firm(user=user, firm=firm, project=project)
    if own is None:
        return queryset.none()
    mine = Q(credits__firm=own)
    if ideation_is_open(project=project):
        return queryset.filter(mine | Q(merged_into__isnull=True)).distinct()
    return queryset.filter(mine).distinct()


def idea_get(*, user: Any, firm: Firm | None, project: Project, idea_id: int) -> Idea:
    idea = ideas_visible_to(user=user, firm=firm, project=project).filter(pk=idea_id).first()
    if idea is None:
        raise NotFound(_("Idea not found."))
    return idea


def comments_visible_to(*, user: Any, firm: Firm | None, idea: Idea) -> QuerySet[IdeaComment]:
    """Comments exist only in open ideation; whoever sees the idea sees its comments."""
    idea_get(user=user, firm=firm, project=idea.project, idea_id=idea.pk)
    return IdeaComment.objects.filter(idea=idea).select_related("firm").order_by("created_at", "id")


def supported_idea_ids(*, user: Any, project: Project) -> set[int]:
    if not _authenticated(user):
        return set()
    return set(Idea.objects.filter(project=project, supports__user=user).values_list("id", flat=True))


# --- proposals ---------------------------------------------------------------------------------


def _proposals(project: Project) -> QuerySet[Proposal]:
    return (
        Proposal.objects.filter(project=project)
        .select_related("team", "team__lead")
        .prefetch_related("milestones", Prefetch("team__members", queryset=TeamFirm.objects.select_related("firm")))
        .order_by("price", "delivery_days", "id")
    )


def proposals_visible_to(*, user: Any, project: Project) -> QuerySet[Proposal]:
    """Sealed: a team sees its own proposal; the sponsor's people see all once entries have closed;
    nobody else (judges, moderators, other teams) sees any."""
    queryset = _proposals(project)
    if project.kind != ProjectKind.RFP or not _authenticated(user):
        return queryset.none()
    if project.status in PROPOSALS_UNSEALED and is_sponsor(user=user, project=project):
        return queryset
    return queryset.filter(team__members__firm__members__user=user).distinct()


def proposal_get(*, user: Any, project: Project, proposal_id: int) -> Proposal:
    proposal = proposals_visible_to(user=user, project=project).filter(pk=proposal_id).first()
    if proposal is None:
        raise NotFound(_("Proposal not found."))
    return proposal


def proposal_comparison(*, user: Any, project: Project) -> list[Proposal]:
    """The proposals side by side, cheapest first: the sponsor's people only, once entries have closed."""
    if project.status not in PROPOSALS_UNSEALED or not is_sponsor(user=user, project=project):
        raise NotFound(_("Proposal comparison not found."))
    return list(_proposals(project))


def proposal_count(*, project: Project) -> int:
    return Proposal.objects.filter(project=project).count()


# --- contracts ---------------------------------------------------------------------------------


def is_supplier(*, user: Any, contract: Contract) -> bool:
    return (
        _authenticated(user)
        and TeamFirm.objects.filter(team_id=contract.supplier_id, firm__members__user=user).exists()
    )


def contract_visible_to(*, user: Any, project: Project) -> Contract | None:
    """The contract, to the sponsor's people and the supplier team's people only."""
    if not _authenticated(user):
        return None
    contract = (
        Contract.objects.filter(project=project)
        .select_related("supplier", "proposal")
        .prefetch_related(
            Prefetch("milestones", queryset=ContractMilestone.objects.prefetch_related("events__actor")),
            Prefetch("supplier__members", queryset=TeamFirm.objects.select_related("firm")),
        )
        .first()
    )
    if contract is None:
        return None
    if is_sponsor(user=user, project=project) or is_supplier(user=user, contract=contract):
        return contract
    return None


def contract_get(*, user: Any, project: Project) -> Contract:
    contract = contract_visible_to(user=user, project=project)
    if contract is None:
        raise NotFound(_("Contract not found."))
    return contract


def milestone_get(*, user: Any, project: Project, milestone_id: int) -> ContractMilestone:
    contract = contract_get(user=user, project=project)
    milestone = next((m for m in contract.milestones.all() if m.pk == int(milestone_id)), None)
    if milestone is None:
        raise NotFound(_("Milestone not found."))
    return milestone
