"""Rounds: a challenge's phases, the shortlist after a phase, and opening the next phase."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotFound
from platform_.events import publish
from platform_.identity.models import User
from platform_.notifications.messages import Message
from platform_.notifications.services import notify
from projects import selectors_rounds
from projects.models import Entry, EntryOutcome, Project, ProjectKind, ProjectStatus, ProjectTransition
from projects.models_rounds import Phase
from projects.services._shared import _lock, _people, _require_sponsor_manager

S = ProjectStatus


def require_phases_supported(project: Project) -> None:
    """Phases are for design challenges only: ideation and RFP run in one phase, their ideas and
    proposals closing with the project's own deadline (docs/projects.md, "Phases and types")."""
    if project.kind != ProjectKind.DESIGN:
        raise Conflict(
            _("Phases are for design challenges: an ideation or an RFP runs in one phase, until its deadline."),
            code="phases_design_only",
        )


@transaction.atomic
def phase_add(
    *,
    project: Project,
    by: User,
    name: str,
    deadline: datetime,
    rules: str = "",
    shortlist_limit: int | None = None,
) -> Phase:
    """Add the next phase while the project is a draft; phase deadlines follow each other, and the
    first phase's deadline is the project's deadline for entries."""
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    require_phases_supported(project)
    if project.status != S.DRAFT:
        raise Conflict(_("Phases are set while the project is a draft."))
    if not name.strip():
        raise DomainError(_("Give the phase a name."), field="name")
    if shortlist_limit is not None and shortlist_limit < 1:
        raise DomainError(_("Shortlist at least one entry."), field="shortlist_limit")
    last = Phase.objects.filter(project=project).order_by("-number").first()
    if last is not None and deadline <= last.deadline:
        raise DomainError(_("A phase ends after the phase before it."), field="deadline")
    phase = Phase.objects.create(
        project=project,
        number=(last.number + 1) if last else 1,
        name=name.strip(),
        deadline=deadline,
        rules=rules.strip(),
        shortlist_limit=shortlist_limit,
    )
    if phase.number == 1:
        project.deadline = deadline
        project.save(update_fields=["deadline", "updated_at"])
    audit_record(actor=by, action="project.phase_add", target=phase, firm=project.sponsor_id)
    return phase


@transaction.atomic
def evaluation_settings_set(
    *,
    project: Project,
    by: User,
    min_reviews: int | None = None,
    appeal_window_hours: int | None = None,
    normalise_scores: bool | None = None,
) -> Project:
    """The sponsor's evaluation rules: reviews needed before an entry is ranked and the appeal
    window hold until the scores are published (nobody's ranking or appeal changes under them
    afterwards); showing normalised scores is presentation and may change any time before the award."""
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    if project.status in (S.AWARDED, S.CANCELLED):
        raise Conflict(_("The project is closed."))
    before = {
        "min_reviews": project.min_reviews,
        "appeal_window_hours": project.appeal_window_hours,
        "normalise_scores": project.normalise_scores,
    }
    rules_change = (min_reviews is not None and min_reviews != project.min_reviews) or (
        appeal_window_hours is not None and appeal_window_hours != project.appeal_window_hours
    )
    if rules_change and project.panel_closed_at is not None:
        raise Conflict(_("The scores are published: the minimum reviews and the appeal window are fixed."))
    if min_reviews is not None:
        if not 1 <= min_reviews <= 50:
            raise DomainError(_("Between 1 and 50 reviews."), field="min_reviews")
        project.min_reviews = min_reviews
    if appeal_window_hours is not None:
        if not 0 <= appeal_window_hours <= 24 * 30:
            raise DomainError(_("Between 0 and 720 hours."), field="appeal_window_hours")
        project.appeal_window_hours = appeal_window_hours
    if normalise_scores is not None:
        project.normalise_scores = normalise_scores
    project.save(update_fields=["min_reviews", "appeal_window_hours", "normalise_scores", "updated_at"])
    after = {
        "min_reviews": project.min_reviews,
        "appeal_window_hours": project.appeal_window_hours,
        "normalise_scores": project.normalise_scores,
    }
    if after != before:
        audit_record(
            actor=by,
            action="project.evaluation_set",
            target=project,
            firm=project.sponsor_id,
            data={"before": before, "after": after},
        )
    return project


@transaction.atomic
def shortlist_set(
    *, project: Project, by: User, entry_ids: Iterable[int], feedback: dict[int, str] | None = None
) -> list[Entry]:
    """The sponsor's shortlist after a phase: exactly these entries go on, each with optional
    private written feedback for its team. Nobody is told until the next phase opens."""
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    require_phases_supported(project)
    if project.status != S.JUDGING:
        raise Conflict(_("The shortlist is made while the phase is judged."))
    competing = {entry.pk: entry for entry in selectors_rounds.entries_in_phase(project=project)}
    wanted = {int(pk) for pk in entry_ids}
    if wanted - set(competing):
        raise NotFound(_("Entry not found."))
    current = selectors_rounds.current_phase(project=project)
    if current is not None and current.shortlist_limit and len(wanted) > current.shortlist_limit:
        raise DomainError(
            _("Shortlist at most %(count)s entries.") % {"count": current.shortlist_limit}, field="entries"
        )
    feedback = {int(k): str(v).strip() for k, v in (feedback or {}).items()}
    if set(feedback) - set(competing):
        raise NotFound(_("Entry not found."))
    shortlisted = []
    for pk, entry in competing.items():
        entry.outcome = EntryOutcome.SHORTLISTED if pk in wanted else EntryOutcome.NONE
        fields = ["outcome"]
        if pk in feedback:
            entry.feedback = feedback[pk]
            fields.append("feedback")
        entry.save(update_fields=fields)
        if pk in wanted:
            shortlisted.append(entry)
    audit_record(
        actor=by, action="project.shortlist", target=project, firm=project.sponsor_id, data={"entries": sorted(wanted)}
    )
    return shortlisted


@transaction.atomic
def phase_open_next(*, project: Project, by: User, deadline: datetime | None = None) -> Phase:
    """Open the next phase for the shortlisted teams: the project is open for entries again until
    the phase's deadline, scores and assignments start afresh, shortlisted teams receive their
    private feedback and the others are thanked, each reader in their own language. Opening the final phase of a
    multi-phase challenge guarantees the award (``selectors_rounds.award_guaranteed``)."""
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    require_phases_supported(project)
    if project.status != S.JUDGING:
        raise Conflict(_("Judge the phase and make the shortlist before opening the next phase."))
    phase = selectors_rounds.next_phase(project=project)
    if phase is None:
        raise Conflict(_("This is the final phase: award the project."))
    shortlisted = list(
        selectors_rounds.entries_in_phase(project=project)
        .filter(outcome=EntryOutcome.SHORTLISTED)
        .select_related("team")
    )
    if not shortlisted:
        raise Conflict(_("Shortlist at least one entry first."))
    if deadline is not None:
        phase.deadline = deadline
    if phase.deadline <= timezone.now():
        raise DomainError(_("The deadline has passed: set a later one first."), field="deadline")
    phase.opened_at = timezone.now()
    phase.save(update_fields=["deadline", "opened_at"])
    others = list(
        selectors_rounds.entries_in_phase(project=project)
        .exclude(outcome=EntryOutcome.SHORTLISTED)
        .select_related("team")
    )
    previous = project.status
    project.status = S.OPEN
    project.phase_number = phase.number
    project.deadline = phase.deadline
    project.panel_closed_at = None
    project.status_reason = ""
    project.save(update_fields=["status", "phase_number", "deadline", "panel_closed_at", "status_reason", "updated_at"])
    ProjectTransition.objects.create(
        project=project, action="open_phase", from_status=previous, to_status=S.OPEN, actor=by, reason=phase.name
    )
    audit_record(
        actor=by,
        action="project.open_phase",
        target=project,
        firm=project.sponsor_id,
        cluster=project.cluster_id,
        data={"phase": phase.number, "shortlisted": [e.pk for e in shortlisted]},
    )
    for entry in shortlisted:
        firm_ids = list(entry.team.members.values_list("firm_id", flat=True))
        notify(
            recipients=_people(firm_ids),
            kind="project.shortlisted",
            title=Message(
                gettext_noop("Shortlisted for “%(phase)s” of “%(title)s”"), phase=phase.name, title=project.title
            ),
            body=entry.feedback,
            url=entry.get_absolute_url(),
            data={"project": project.pk, "entry": entry.pk, "phase": phase.number},
        )
        publish(
            "entry.shortlisted",
            project_id=project.pk,
            entry_id=entry.pk,
            phase=phase.number,
            team_firm_ids=firm_ids,
        )
    for entry in others:
        notify(
            recipients=_people(entry.team.members.values_list("firm_id", flat=True)),
            kind="project.not_shortlisted",
            title=Message(gettext_noop("Thank you for your entry to “%(title)s”"), title=project.title),
            body=Message(
                gettext_noop(
                    "Thank you for the work you put into your entry. The sponsor has chosen other entries for "
                    "“%(phase)s”, so this is where the challenge ends for your team. We hope to see you in the "
                    "next challenge."
                ),
                phase=phase.name,
            ),
            url=entry.get_absolute_url(),
            data={"project": project.pk, "entry": entry.pk},
        )
    notify(
        recipients=_people([project.sponsor_id]) + [judge.user for judge in project.judges.select_related("user")],
        kind="project.open_phase",
        title=Message(gettext_noop("“%(phase)s” is open: %(title)s"), phase=phase.name, title=project.title),
        url=project.get_absolute_url(),
        data={"project": project.pk, "phase": phase.number},
        exclude=by,
    )
    publish(
        "phase.opened",
        project_id=project.pk,
        sponsor_id=project.sponsor_id,
        phase=phase.number,
        deadline=phase.deadline.isoformat(),
        final=selectors_rounds.is_final_phase(project=project),
    )
    return phase
