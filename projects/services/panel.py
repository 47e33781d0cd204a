"""The rubric and the judging panel."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.events import publish
from platform_.identity.models import User
from platform_.notifications.messages import Message
from platform_.notifications.services import notify
from projects import selectors
from projects.models import (
    Criterion,
    Entry,
    Judge,
    Project,
    ProjectStatus,
)
from projects.services._shared import _lock, _require_sponsor_manager

S = ProjectStatus


def _require_rubric_open(project: Project) -> None:
    if project.rubric_frozen_at is not None or project.status in (S.JUDGING, S.AWARDED, S.CANCELLED):
        raise Conflict(_("The rubric is frozen: judging has started."))
    if Entry.objects.filter(project=project).exists():
        raise Conflict(_("The rubric is frozen: entries have arrived."))


@transaction.atomic
def criterion_create(
    *,
    project: Project,
    by: User,
    name: str,
    weight: Decimal,
    scale_min: int = 0,
    scale_max: int = 10,
    description: str = "",
    position: int | None = None,
) -> Criterion:
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    _require_rubric_open(project)
    if position is None:
        position = project.criteria.count()
    criterion = Criterion(
        project=project,
        name=name.strip(),
        weight=Decimal(weight),
        scale_min=scale_min,
        scale_max=scale_max,
        description=description,
        position=position,
    )
    if criterion.scale_max <= criterion.scale_min:
        raise DomainError(_("The highest score must be above the lowest."), field="scale_max")
    if criterion.weight <= 0:
        raise DomainError(_("The weight must be positive."), field="weight")
    criterion.full_clean()
    criterion.save()
    return criterion


@transaction.atomic
def criterion_update(*, criterion: Criterion, by: User, **fields: Any) -> Criterion:
    project = _lock(criterion.project)
    _require_sponsor_manager(project=project, by=by)
    _require_rubric_open(project)
    for name, value in fields.items():
        if name not in ("name", "weight", "scale_min", "scale_max", "description", "position"):
            raise DomainError(_("This field cannot be changed."), field=name)
        setattr(criterion, name, value)
    if criterion.scale_max <= criterion.scale_min:
        raise DomainError(_("The highest score must be above the lowest."), field="scale_max")
    criterion.full_clean()
    criterion.save()
    return criterion


@transaction.atomic
def criterion_delete(*, criterion: Criterion, by: User) -> None:
    project = _lock(criterion.project)
    _require_sponsor_manager(project=project, by=by)
    _require_rubric_open(project)
    criterion.delete()


@transaction.atomic
def judge_add(*, project: Project, by: User, user: User) -> Judge:
    """Seat a person on the panel. Judges are independent of the entrants: nobody from a firm on a
    team of the project (accepted members only) may judge it, and, the other way round, a firm with
    a person on the panel may not form or join a team or submit (see ``_require_off_panel``). Both
    sides lock the project row, so a seat and an entry cannot slip past each other. A seat given
    once entries exist is recorded in the audit trail with the number of entries it can read."""
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    if project.status in (S.AWARDED, S.CANCELLED) or project.panel_closed_at is not None:
        raise Conflict(_("The panel can no longer change."))
    rivals = selectors.rival_firm_ids(user=user, project=project)
    if rivals:
        raise NotAllowed(
            _("%(person)s belongs to a firm that takes part in this project and may not judge it.")
            % {"person": str(user)},
            code="judge_conflict",
            field="email",
        )
    judge, created = Judge.objects.get_or_create(project=project, user=user, defaults={"added_by": by})
    if created:
        publish("project.member_joined", project_id=project.pk, user_id=user.pk)
        notify(
            recipients=[user],
            kind="project.judge",
            title=Message(gettext_noop("You are a judge of “%(title)s”"), title=project.title),
            url=project.get_absolute_url(),
            data={"project": project.pk},
        )
        entries = Entry.objects.filter(project=project).count()
        audit_record(
            actor=by,
            action="project.judge_add_late" if entries else "project.judge_add",
            target=judge,
            firm=project.sponsor_id,
            data={"user": user.pk, "status": project.status, "entries": entries},
        )
    return judge
