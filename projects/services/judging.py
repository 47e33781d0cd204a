"""Judging: conflicts, independent scores, closing the panel, shortlist and feedback."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed, NotFound
from platform_.events import publish
from platform_.identity.models import User
from platform_.notifications.messages import Message
from platform_.notifications.services import notify
from projects import selectors
from projects.models import (
    ConflictDeclaration,
    Entry,
    EntryOutcome,
    Judge,
    Project,
    ProjectStatus,
    Score,
    Team,
)
from projects.services._shared import _lock, _require_sponsor_manager, _sponsor_people

S = ProjectStatus


def _require_judge(*, project: Project, by: User) -> Judge:
    judge = selectors.judge_of(user=by, project=project)
    if judge is None:
        raise NotAllowed(_("Only the project's judges may do this."))
    return judge


@transaction.atomic
def conflict_declare(*, project: Project, by: User, team: Team, reason: str) -> ConflictDeclaration:
    judge = _require_judge(project=project, by=by)
    if team.project_id != project.pk:
        raise NotFound(_("Entry not found."))
    if not reason.strip():
        raise DomainError(_("Give a reason."), field="reason")
    declaration, _created = ConflictDeclaration.objects.get_or_create(
        judge=judge, team=team, defaults={"reason": reason.strip()}
    )
    Score.objects.filter(judge=judge, entry__team=team).delete()
    audit_record(actor=by, action="project.conflict_declare", target=declaration, firm=project.sponsor_id)
    return declaration


@transaction.atomic
def score_submit(*, project: Project, by: User, entry: Entry, values: dict[int, Any], comment: str = "") -> list[Score]:
    """A judge scores an entry on the rubric; independent and revisable until the panel closes."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    judge = _require_judge(project=project, by=by)
    if project.status != S.JUDGING or project.panel_closed_at is not None:
        raise Conflict(_("Scoring is not open."))
    if entry.project_id != project.pk:
        raise NotFound(_("Entry not found."))
    reasons = selectors.conflicts_of(judge=judge, team=entry.team)
    if reasons:
        raise NotAllowed(
            _("You have a conflict of interest with this team and may not score its entry."),
            code="conflict_of_interest",
        )
    from projects import selectors_rounds

    if not selectors_rounds.is_assigned(judge=judge, entry=entry, project=project):
        raise NotAllowed(_("This entry is not assigned to you."), code="not_assigned")
    if not selectors_rounds.entries_in_phase(project=project).filter(pk=entry.pk).exists():
        raise NotFound(_("Entry not found."))
    criteria = {c.pk: c for c in project.criteria.all()}
    if not values:
        raise DomainError(_("Give a score."), field="values")
    scores = []
    for criterion_id, value in values.items():
        criterion = criteria.get(int(criterion_id))
        if criterion is None:
            raise DomainError(_("Unknown criterion."), field="values")
        try:
            value = int(value)
        except (TypeError, ValueError) as error:
            raise DomainError(_("Scores are whole numbers."), field="values") from error
        if not criterion.scale_min <= value <= criterion.scale_max:
            raise DomainError(
                _("“%(name)s” is scored from %(low)s to %(high)s.")
                % {"name": criterion.name, "low": criterion.scale_min, "high": criterion.scale_max},
                field="values",
            )
        score, _created = Score.objects.update_or_create(
            judge=judge,
            entry=entry,
            criterion=criterion,
            phase_number=project.phase_number,
            defaults={"value": value, "comment": comment},
        )
        scores.append(score)
    return scores


@transaction.atomic
def panel_close(*, project: Project, by: User) -> Project:
    """Close the panel: scores become visible to the panel and the sponsor, and are published."""
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    if project.status != S.JUDGING:
        raise Conflict(_("The project is not being judged."))
    if project.panel_closed_at is not None:
        return project
    if not Score.objects.filter(entry__project=project, phase_number=project.phase_number).exists():
        raise Conflict(_("No scores yet."))
    project.panel_closed_at = timezone.now()
    project.save(update_fields=["panel_closed_at", "updated_at"])
    audit_record(actor=by, action="project.panel_close", target=project, firm=project.sponsor_id)
    recipients = _sponsor_people(project) + [j.user for j in project.judges.select_related("user")]
    notify(
        recipients=recipients,
        kind="project.scores",
        title=Message(gettext_noop("Scores published: %(title)s"), title=project.title),
        url=project.get_absolute_url() + "#ranking",
        data={"project": project.pk},
        exclude=by,
    )
    publish("scores.published", project_id=project.pk)
    return project


@transaction.atomic
def entry_set_outcome(*, project: Project, by: User, entry: Entry, outcome: str) -> Entry:
    """Shortlist an entry (or take it off the shortlist); winners are chosen with the award."""
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    if project.status != S.JUDGING:
        raise Conflict(_("The project is not being judged."))
    if outcome not in (EntryOutcome.NONE, EntryOutcome.SHORTLISTED) or entry.project_id != project.pk:
        raise DomainError(_("Choose shortlisted or not."), field="outcome")
    entry.outcome = outcome
    entry.save(update_fields=["outcome"])
    return entry


@transaction.atomic
def feedback_give(*, project: Project, by: User, entry: Entry, text: str) -> Entry:
    _require_sponsor_manager(project=project, by=by)
    if project.status not in (S.JUDGING, S.AWARDED) or entry.project_id != project.pk:
        raise Conflict(_("Feedback is given during judging."))
    entry.feedback = text.strip()
    entry.save(update_fields=["feedback"])
    return entry
