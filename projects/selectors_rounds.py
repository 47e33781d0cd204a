"""Reads for rounds, evaluator assignments, reviews and appeals, each filtered by who asks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from platform_.identity.models import FirmMember
from projects import selectors
from projects.models import Entry, EntryOutcome, Judge, Project, Score
from projects.models_rounds import Appeal, AppealStatus, Assignment, Phase, Review

# --- phases ------------------------------------------------------------------------------------


def phases_of(*, project: Project) -> list[Phase]:
    return list(Phase.objects.filter(project=project).order_by("number"))


def phase_count(*, project: Project, phases: list[Phase] | None = None) -> int:
    """How many phases the project has: one when none are declared (the project's own deadline).
    ``phases``: the project's phases if the caller has them already."""
    return max(len(phases) if phases is not None else Phase.objects.filter(project=project).count(), 1)


def current_phase(*, project: Project) -> Phase | None:
    return Phase.objects.filter(project=project, number=project.phase_number).first()


def next_phase(*, project: Project) -> Phase | None:
    return Phase.objects.filter(project=project, number=project.phase_number + 1).first()


def is_final_phase(*, project: Project, phases: list[Phase] | None = None) -> bool:
    return project.phase_number >= phase_count(project=project, phases=phases)


def award_guaranteed(*, project: Project, phases: list[Phase] | None = None) -> bool:
    """Once the final phase of a multi-phase challenge opens, the award is guaranteed: no cancelling."""
    return project.phase_number > 1 and is_final_phase(project=project, phases=phases)


def entries_in_phase(*, project: Project) -> QuerySet[Entry]:
    """The entries competing in the current phase: all in the first, the shortlisted ones after."""
    queryset = Entry.objects.filter(project=project)
    if project.phase_number > 1:
        queryset = queryset.filter(outcome__in=(EntryOutcome.SHORTLISTED, EntryOutcome.WINNER))
    return queryset


def may_enter_phase(*, project: Project, entry: Entry | None) -> bool:
    """In a later phase only the shortlisted teams submit (revised versions of their entry)."""
    if project.phase_number <= 1:
        return True
    return entry is not None and entry.outcome == EntryOutcome.SHORTLISTED


# --- assignments and reviews -------------------------------------------------------------------


def phase_has_assignments(*, project: Project) -> bool:
    return Assignment.objects.filter(project=project, phase_number=project.phase_number).exists()


def is_assigned(*, judge: Judge, entry: Entry, project: Project) -> bool:
    """May the judge review this entry now? Always, until the sponsor assigns entries in this phase;
    then only the entries assigned to them."""
    if not phase_has_assignments(project=project):
        return True
    return Assignment.objects.filter(judge=judge, entry=entry, phase_number=project.phase_number).exists()


def assignments_visible_to(*, user: Any, project: Project) -> QuerySet[Assignment]:
    """The sponsor and administrators see every assignment of the phase; a judge sees their own."""
    queryset = Assignment.objects.filter(project=project, phase_number=project.phase_number).select_related(
        "judge__user", "entry"
    )
    if not selectors._authenticated(user):
        return queryset.none()
    if user.is_platform_admin or selectors.is_sponsor(user=user, project=project):
        return queryset
    return queryset.filter(judge__user=user)


@dataclass
class QueueItem:
    entry: Entry
    reviewed: bool


def judge_queue(*, user: Any, project: Project) -> list[QueueItem]:
    """The judge's entries of the phase (assigned ones, or every entry they may open when nobody
    was assigned), each marked reviewed once the judge scored it in this phase."""
    judge = selectors.judge_of(user=user, project=project)
    if judge is None:
        return []
    visible = selectors.sealed_entries_visible_to(user=user, project=project).filter(
        pk__in=entries_in_phase(project=project).values("pk")
    )
    if phase_has_assignments(project=project):
        visible = visible.filter(assignments__judge=judge, assignments__phase_number=project.phase_number).distinct()
    scored = set(
        Score.objects.filter(judge=judge, phase_number=project.phase_number).values_list("entry_id", flat=True)
    )
    return [QueueItem(entry=entry, reviewed=entry.pk in scored) for entry in visible]


def reviews_visible_to(*, user: Any, project: Project, entry: Entry) -> QuerySet[Review]:
    """Private notes: a judge sees their own until the scores are published, then the panel and the
    sponsor see all. The entry's team sees none of these rows (it reads ``solver_notes_for``)."""
    queryset = Review.objects.filter(entry=entry, phase_number=project.phase_number).select_related("judge__user")
    if not selectors._authenticated(user):
        return queryset.none()
    if project.panel_closed_at is not None and (
        user.is_platform_admin
        or selectors.is_sponsor(user=user, project=project)
        or selectors.judge_of(user=user, project=project) is not None
    ):
        return queryset
    return queryset.filter(judge__user=user)


def solver_notes_for(*, user: Any, project: Project, entry: Entry) -> list[str]:
    """The judges' notes to the solver, for the entry's team once the scores are published (unsigned)."""
    if project.panel_closed_at is None or not selectors._authenticated(user):
        return []
    if not entry.team.members.filter(firm__members__user=user).exists():
        return []
    notes = Review.objects.filter(entry=entry, phase_number=project.phase_number).exclude(solver_note="")
    return list(notes.order_by("id").values_list("solver_note", flat=True))


# --- appeals -----------------------------------------------------------------------------------


def appeal_deadline(*, project: Project) -> datetime | None:
    if project.panel_closed_at is None:
        return None
    return project.panel_closed_at + timedelta(hours=project.appeal_window_hours)


def appeals_open(*, project: Project) -> bool:
    deadline = appeal_deadline(project=project)
    return deadline is not None and project.status == "judging" and timezone.now() <= deadline


def has_pending_appeals(*, project: Project) -> bool:
    return Appeal.objects.filter(project=project, status=AppealStatus.PENDING).exists()


def appeals_visible_to(*, user: Any, project: Project) -> QuerySet[Appeal]:
    """The sponsor, the judges and administrators see every appeal; a solver sees its team's."""
    queryset = Appeal.objects.filter(project=project).select_related("entry__team").order_by("filed_at", "id")
    if not selectors._authenticated(user):
        return queryset.none()
    if (
        user.is_platform_admin
        or selectors.is_sponsor(user=user, project=project)
        or selectors.judge_of(user=user, project=project) is not None
    ):
        return queryset
    firm_ids = FirmMember.objects.filter(user=user).values("firm_id")
    return queryset.filter(Q(entry__team__members__firm_id__in=firm_ids)).distinct()


def appeal_get(*, user: Any, project: Project, appeal_id: int) -> Appeal:
    from django.utils.translation import gettext as _

    from platform_.errors import NotFound

    appeal = appeals_visible_to(user=user, project=project).filter(pk=appeal_id).first()
    if appeal is None:
        raise NotFound(_("Appeal not found."))
    return appeal
