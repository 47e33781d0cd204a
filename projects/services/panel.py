"""The rubric and the judging panel."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError
from platform_.events import publish
from platform_.identity.models import User
from platform_.notifications.services import notify
from projects.models import (
    Criterion,
    Judge,
    Project,
    ProjectStatus,
)
from projects.services._shared import _lock, _require_sponsor_manager

S = ProjectStatus


def _require_rubric_open(project: Project) -> None:
    if project.rubric_frozen_at is not None or project.status in (S.JUDGING, S.AWARDED, S.CANCELLED):
        raise Conflict(_("The rubric is frozen: judging has started."))


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
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    if project.status in (S.AWARDED, S.CANCELLED) or project.panel_closed_at is not None:
        raise Conflict(_("The panel can no longer change."))
    judge, created = Judge.objects.get_or_create(project=project, user=user, defaults={"added_by": by})
    if created:
        publish("project.member_joined", project_id=project.pk, user_id=user.pk)
        notify(
            recipients=[user],
            kind="project.judge",
            title=_("You are a judge of “%(title)s”") % {"title": project.title},
            url=project.get_absolute_url(),
            data={"project": project.pk},
        )
        audit_record(actor=by, action="project.judge_add", target=judge, firm=project.sponsor_id)
    return judge
