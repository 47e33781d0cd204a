"""Builders for multi-phase challenges, assignments and appeals in tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from projects import services
from projects.models import Project
from tests.factories import UserFactory
from tests.projects.factories import pass_deadline, solver, sponsor_project, upload


def two_phase_judging(entries: int = 3, judges: int = 2) -> dict[str, Any]:
    """A qualifying → final challenge: ``entries`` solvers entered the qualifying phase, which is
    closed and being judged by ``judges`` judges."""
    project, sponsor = sponsor_project()
    now = timezone.now()
    services.phase_add(project=project, by=sponsor, name="Qualifying", deadline=now + timedelta(days=7))
    services.phase_add(project=project, by=sponsor, name="Final", deadline=now + timedelta(days=21), shortlist_limit=6)
    services.project_transition(project=project, action="publish", by=sponsor)
    project.refresh_from_db()
    solvers = []
    for index in range(entries):
        firm, owner = solver(project)
        services.entry_submit(
            project=project,
            by=owner,
            firm=firm,
            files=[upload(f"qualifying {index}".encode())],
            title=f"Design {index}",
        )
        solvers.append((firm, owner))
    panel = [UserFactory.create() for _ in range(judges)]
    for user in panel:
        services.judge_add(project=project, by=sponsor, user=user)
    pass_deadline(project)
    services.projects_close_due()
    services.project_transition(project=project, action="start_judging", by=sponsor)
    project.refresh_from_db()
    return {"project": project, "sponsor": sponsor, "solvers": solvers, "judges": panel}


def entry_of(project: Project, owner: Any) -> Any:
    return project.entries.get(team__members__firm__members__user=owner)


def score(project: Project, judge: Any, entry: Any, value: int) -> None:
    values = {c.pk: min(value, c.scale_max) for c in project.criteria.all()}
    services.score_submit(project=project, by=judge, entry=entry, values=values)


def open_final(data: dict[str, Any], shortlisted: int = 2) -> Project:
    project = data["project"]
    chosen = [entry_of(project, owner) for _firm, owner in data["solvers"][:shortlisted]]
    services.shortlist_set(
        project=project,
        by=data["sponsor"],
        entry_ids=[e.pk for e in chosen],
        feedback={chosen[0].pk: "Lighter hinge, please."},
    )
    services.phase_open_next(project=project, by=data["sponsor"])
    project.refresh_from_db()
    return project
