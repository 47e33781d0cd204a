"""The project lifecycle in one table of transitions, and closing for entries when the deadline passes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.events import publish
from platform_.identity.models import Firm, User
from platform_.notifications.messages import Message
from platform_.notifications.services import notify
from projects import selectors
from projects.models import (
    Project,
    ProjectKind,
    ProjectStatus,
    ProjectTransition,
)
from projects.services._shared import _lock, _solver_people, _sponsor_people

S = ProjectStatus

SPONSOR, MODERATOR, SYSTEM = "sponsor", "moderator", "system"


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[str, ...]
    target: str
    actors: frozenset[str]
    needs_reason: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        # The sponsor sends a draft to the moderators when one of its clusters reviews before publishing...
        Transition("submit", (S.DRAFT,), S.REVIEW, frozenset({SPONSOR})),
        # ...or opens it at once when none does.
        Transition("publish", (S.DRAFT,), S.OPEN, frozenset({SPONSOR})),
        Transition("approve", (S.REVIEW,), S.OPEN, frozenset({MODERATOR})),
        Transition("return", (S.REVIEW,), S.DRAFT, frozenset({MODERATOR}), needs_reason=True),
        # Nobody closes early: only the clock (the beat task or a read after the deadline) does.
        Transition("close", (S.OPEN,), S.CLOSED, frozenset({SYSTEM})),
        Transition("start_judging", (S.CLOSED,), S.JUDGING, frozenset({SPONSOR})),
        Transition("award", (S.JUDGING,), S.AWARDED, frozenset({SPONSOR})),
        # An RFP is awarded by selecting a supplier's proposal (``proposal_select``), which makes the contract.
        Transition("select_supplier", (S.CLOSED, S.JUDGING), S.AWARDED, frozenset({SPONSOR})),
        # An ideation is awarded by choosing winning ideas (``ideas_award``), with or without a panel.
        Transition("award_ideas", (S.CLOSED, S.JUDGING), S.AWARDED, frozenset({SPONSOR})),
        Transition(
            "cancel",
            (S.DRAFT, S.REVIEW, S.OPEN, S.CLOSED, S.JUDGING),
            S.CANCELLED,
            frozenset({SPONSOR, MODERATOR}),
            needs_reason=True,
        ),
    )
}


def allowed_actions(*, project: Project, user: Any) -> list[str]:
    """The transitions this person may make now (for buttons and the API)."""
    roles = _roles(project=project, user=user)
    return [
        t.action
        for t in TRANSITIONS.values()
        if project.status in t.sources and roles & t.actors and _guard(t, project) is None
    ]


def _roles(*, project: Project, user: Any) -> set[str]:
    roles: set[str] = set()
    if user is None:
        return {SYSTEM}
    if selectors.is_sponsor_manager(user=user, project=project):
        roles.add(SPONSOR)
    if selectors.is_project_moderator(user=user, project=project):
        roles.add(MODERATOR)
    return roles


def _guard(transition: Transition, project: Project) -> str | None:
    """Why the transition cannot happen now, or None."""
    action = transition.action
    if action in ("submit", "publish", "approve"):
        review = selectors.needs_review(project=project)
        if action == "submit" and not review:
            return _("This project needs no review: publish it.")
        if action == "publish" and review:
            return _("A cluster of this project reviews projects before they open: submit it for review.")
        if project.deadline <= timezone.now():
            return _("The deadline has passed: set a later one first.")
        if not project.criteria.exists():
            return _("Add at least one judging criterion first.")
        if project.award_amount and not project.sponsor.is_verified:
            return _("An unverified firm cannot sponsor a challenge with a money award: have the firm verified first.")
    if action == "close" and project.deadline > timezone.now():
        return _("The deadline has not passed yet.")
    if action == "start_judging" and not project.judges.exists():
        return _("Appoint at least one judge first.")
    if action == "award" and project.kind == ProjectKind.RFP:
        return _("An RFP is awarded by selecting a supplier's proposal.")
    if action == "award" and project.kind == ProjectKind.IDEATION:
        return _("An ideation is awarded by choosing its winning ideas.")
    if action == "award_ideas" and project.kind != ProjectKind.IDEATION:
        return _("Only an ideation is awarded with winning ideas.")
    if action == "award" and project.panel_closed_at is None:
        return _("Close the panel (publish the scores) before awarding.")
    from projects import selectors_rounds

    if action == "award" and not selectors_rounds.is_final_phase(project=project):
        return _("Award the project in its final phase: open the next phase for the shortlist.")
    if action == "award" and selectors_rounds.has_pending_appeals(project=project):
        return _("Decide the pending appeals before awarding.")
    if action == "cancel" and selectors_rounds.award_guaranteed(project=project):
        return _("The final phase has opened, so the award is guaranteed: the project can no longer be cancelled.")
    if action == "select_supplier" and project.kind != ProjectKind.RFP:
        return _("Only an RFP selects a supplier.")
    return None


def _transition(*, project: Project, action: str, by: User | None, reason: str = "") -> Project:
    """Apply one transition of the table to a locked project; the caller holds the transaction."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise DomainError(_("Unknown action."), field="action")
    if project.status not in transition.sources:
        raise Conflict(
            _("A project that is “%(status)s” cannot be changed this way.") % {"status": project.get_status_display()}
        )
    if not (_roles(project=project, user=by) & transition.actors):
        raise NotAllowed(_("You may not make this change to the project."))
    if transition.needs_reason and not reason.strip():
        raise DomainError(_("Give a reason."), field="reason")
    problem = _guard(transition, project)
    if problem:
        raise Conflict(problem)
    previous = project.status
    project.status = transition.target
    project.status_reason = reason.strip()
    fields = ["status", "status_reason", "updated_at"]
    if transition.target == S.JUDGING:
        project.rubric_frozen_at = timezone.now()
        fields.append("rubric_frozen_at")
    project.save(update_fields=fields)
    ProjectTransition.objects.create(
        project=project,
        action=action,
        from_status=previous,
        to_status=transition.target,
        actor=by,
        reason=project.status_reason,
    )
    audit_record(
        actor=by,
        action=f"project.{action}",
        target=project,
        firm=project.sponsor_id,
        cluster=project.cluster_id,
        reason=project.status_reason,
    )
    _after_transition(project=project, action=action, by=by)
    return project


@transaction.atomic
def project_transition(*, project: Project, action: str, by: User | None, reason: str = "") -> Project:
    """Make one transition of the table; ``by=None`` is the system (the clock)."""
    if action == "award":
        raise DomainError(_("Award the project with its winners."), field="action")
    if action == "select_supplier":
        raise DomainError(_("Select a supplier with its proposal."), field="action")
    if action == "award_ideas":
        raise DomainError(_("Award the ideation with its winning ideas."), field="action")
    return _transition(project=_lock(project), action=action, by=by, reason=reason)


def _after_transition(*, project: Project, action: str, by: User | None) -> None:
    url = project.get_absolute_url()
    key = {
        "submit": gettext_noop("Project waiting for review: %(title)s"),
        "approve": gettext_noop("Project approved and open: %(title)s"),
        "publish": gettext_noop("Project open for entries: %(title)s"),
        "return": gettext_noop("Project returned to draft: %(title)s"),
        "close": gettext_noop("Project closed for entries: %(title)s"),
        "start_judging": gettext_noop("Judging has started: %(title)s"),
        "award": gettext_noop("Project awarded: %(title)s"),
        "award_ideas": gettext_noop("Project awarded: %(title)s"),
        "select_supplier": gettext_noop("Supplier selected: %(title)s"),
        "cancel": gettext_noop("Project cancelled: %(title)s"),
    }[action]
    title = Message(key, title=project.title)
    recipients = _sponsor_people(project)
    if action == "submit":
        recipients = [m for c in selectors.review_clusters(project=project) for m in c.moderators.all()]
    elif action in ("close", "cancel", "award", "select_supplier", "award_ideas"):
        recipients += _solver_people(project) + [j.user for j in project.judges.select_related("user")]
    elif action == "start_judging":
        recipients += [j.user for j in project.judges.select_related("user")]
    notify(
        recipients=recipients,
        kind=f"project.{action}",
        title=title,
        body=project.status_reason,  # the person's own words
        url=url,
        data={"project": project.pk},
        exclude=by,
    )
    if action in ("publish", "approve"):
        publish(
            "project.opened",
            project_id=project.pk,
            sponsor_id=project.sponsor_id,
            cluster_id=project.cluster_id,
            deadline=project.deadline.isoformat(),
        )
    else:
        publish(f"project.{action}", project_id=project.pk, status=project.status)


@transaction.atomic
def project_close_if_due(*, project_id: int) -> bool:
    """Close the project for entries if its deadline has passed; safe to call any number of times."""
    project = Project.objects.select_for_update(skip_locked=True).filter(pk=project_id).first()
    if project is None or project.status != S.OPEN or project.deadline > timezone.now():
        return False
    _transition(project=project, action="close", by=None)
    return True


def project_get_closing_if_due(*, user: Any, project_id: int, firm: Firm | None = None) -> Project:
    """The project as ``selectors.project_get`` gives it to the person, closed for entries first if
    its deadline has passed: the clock's check on read, so no page or API answer shows an open
    project past its deadline while the beat task has not run yet. Pages and the API call this once."""
    project = selectors.project_get(user=user, project_id=project_id, firm=firm)
    if project.status == S.OPEN and project.deadline <= timezone.now() and project_close_if_due(project_id=project.pk):
        project.refresh_from_db()
    return project


def projects_close_due() -> int:
    """Close every open project whose deadline has passed (the beat task and reads call this)."""
    closed = 0
    for project_id in selectors.projects_due_to_close().values_list("id", flat=True):
        closed += project_close_if_due(project_id=project_id)
    return closed
