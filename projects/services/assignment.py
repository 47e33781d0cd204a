"""Evaluator workflows: assigning entries to judges (by hand, in bulk or balanced automatically) and reviews."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed, NotFound
from platform_.identity.models import User
from platform_.notifications.messages import Message
from platform_.notifications.services import notify
from projects import selectors, selectors_rounds
from projects.models import Entry, Judge, Project, ProjectStatus
from projects.models_rounds import Assignment, Review
from projects.services._shared import _lock, _require_sponsor_manager
from projects.services.judging import score_submit

S = ProjectStatus


def _require_assignable(project: Project) -> None:
    if project.status not in (S.CLOSED, S.JUDGING) or project.panel_closed_at is not None:
        raise Conflict(_("Entries are assigned after the phase closes and before the scores are published."))


def _notify_judges(project: Project, judges: Iterable[Judge], by: User) -> None:
    notify(
        recipients=[judge.user for judge in judges],
        kind="project.assigned",
        title=Message(gettext_noop("Entries to review: %(title)s"), title=project.title),
        url=project.get_absolute_url() + "#queue",
        data={"project": project.pk},
        exclude=by,
    )


@transaction.atomic
def assignment_set(*, project: Project, by: User, judge: Judge, entries: Iterable[Entry]) -> list[Assignment]:
    """Give entries to one judge, by hand or in bulk (the entries already assigned to them stay);
    an entry whose team the judge may not score (``selectors.conflicts_of``) is refused."""
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    _require_assignable(project)
    if judge.project_id != project.pk:
        raise NotFound(_("Judge not found."))
    competing = set(selectors_rounds.entries_in_phase(project=project).values_list("pk", flat=True))
    entries = list(entries)
    if not entries:
        raise DomainError(_("Choose at least one entry."), field="entries")
    made = []
    for entry in entries:
        if entry.pk not in competing:
            raise NotFound(_("Entry not found."))
        if selectors.conflicts_of(judge=judge, team=entry.team):
            raise NotAllowed(
                _("%(judge)s has a conflict of interest with “%(entry)s”.") % {"judge": judge, "entry": entry.title},
                code="conflict_of_interest",
                field="entries",
            )
        assignment, _created = Assignment.objects.get_or_create(
            project=project,
            judge=judge,
            entry=entry,
            phase_number=project.phase_number,
            defaults={"assigned_by": by},
        )
        made.append(assignment)
    audit_record(
        actor=by,
        action="project.assign",
        target=judge,
        firm=project.sponsor_id,
        data={"phase": project.phase_number, "entries": [e.pk for e in entries]},
    )
    _notify_judges(project, [judge], by)
    return made


@transaction.atomic
def assignment_remove(*, project: Project, by: User, assignment: Assignment) -> None:
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    _require_assignable(project)
    if assignment.project_id != project.pk:
        raise NotFound(_("Assignment not found."))
    audit_record(
        actor=by,
        action="project.unassign",
        target=assignment.judge,
        firm=project.sponsor_id,
        data={"phase": assignment.phase_number, "entry": assignment.entry_id},
    )
    assignment.delete()


@transaction.atomic
def assignments_auto(*, project: Project, by: User, reviews_per_entry: int) -> list[Assignment]:
    """Assign every entry of the phase to ``reviews_per_entry`` judges, never to a judge with a
    conflict, keeping the loads balanced: the most constrained entries are placed first, each with
    the least-loaded judges free to score it, so without conflicts the busiest judge has at most
    one entry more than the idlest. Replaces the phase's assignments; scores already given stay."""
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    _require_assignable(project)
    if reviews_per_entry < 1:
        raise DomainError(_("Ask for at least one review per entry."), field="reviews_per_entry")
    judges = list(Judge.objects.filter(project=project).select_related("user").order_by("id"))
    entries = list(selectors_rounds.entries_in_phase(project=project).select_related("team").order_by("id"))
    if not entries:
        raise Conflict(_("No entries to assign."))
    eligible: dict[int, list[Judge]] = {
        entry.pk: [judge for judge in judges if not selectors.conflicts_of(judge=judge, team=entry.team)]
        for entry in entries
    }
    short = [entry for entry in entries if len(eligible[entry.pk]) < reviews_per_entry]
    if short:
        raise Conflict(
            _("Too few judges without a conflict for %(count)s reviews of “%(entry)s”.")
            % {"count": reviews_per_entry, "entry": short[0].title}
        )
    Assignment.objects.filter(project=project, phase_number=project.phase_number).delete()
    load = {judge.pk: 0 for judge in judges}
    made = []
    for entry in sorted(entries, key=lambda e: (len(eligible[e.pk]), e.pk)):
        chosen = sorted(eligible[entry.pk], key=lambda j: (load[j.pk], j.pk))[:reviews_per_entry]
        for judge in chosen:
            load[judge.pk] += 1
            made.append(
                Assignment(
                    project=project,
                    phase_number=project.phase_number,
                    judge=judge,
                    entry=entry,
                    assigned_by=by,
                    automatic=True,
                )
            )
    Assignment.objects.bulk_create(made)
    audit_record(
        actor=by,
        action="project.assign_auto",
        target=project,
        firm=project.sponsor_id,
        data={"phase": project.phase_number, "reviews_per_entry": reviews_per_entry, "load": load},
    )
    _notify_judges(project, [judge for judge in judges if load[judge.pk]], by)
    return made


@transaction.atomic
def review_submit(
    *,
    project: Project,
    by: User,
    entry: Entry,
    values: dict[int, Any],
    comment: str = "",
    private_note: str = "",
    solver_note: str = "",
) -> Review:
    """A judge's review: scores on the rubric (``score_submit``'s rules: independent, no conflict,
    only the judge's assigned entries once the sponsor assigns), a private note for the panel and
    the sponsor, and a separate note the solver reads once the scores are published."""
    score_submit(project=project, by=by, entry=entry, values=values, comment=comment)
    judge = selectors.judge_of(user=by, project=project)
    assert judge is not None  # score_submit refused anyone else
    project.refresh_from_db(fields=["phase_number"])
    review, _created = Review.objects.update_or_create(
        judge=judge,
        entry=entry,
        phase_number=project.phase_number,
        defaults={"private_note": private_note.strip(), "solver_note": solver_note.strip()},
    )
    return review
