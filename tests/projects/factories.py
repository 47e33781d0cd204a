"""Factories and small builders for design-project tests."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from projects import services
from projects.models import Criterion, Project, ProjectStatus
from tests.factories import FirmFactory, UserFactory, firm_with_owner


class ProjectFactory(factory.django.DjangoModelFactory[Project]):
    class Meta:
        model = Project

    sponsor = factory.SubFactory(FirmFactory)
    title = factory.Sequence(lambda n: f"Challenge {n}")
    brief = "Design a lighter loom frame."
    confidential_brief = "Our current frame drawing no. 77-A and its failure data."
    terms = "Entries are original work."
    award_amount = Decimal("50000.00")
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    status = ProjectStatus.DRAFT


class CriterionFactory(factory.django.DjangoModelFactory[Criterion]):
    class Meta:
        model = Criterion

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"Criterion {n}")
    weight = Decimal("1")
    scale_min = 0
    scale_max = 10


def upload(content: bytes = b"%PDF-1.4 design", name: str | None = None) -> SimpleUploadedFile:
    """An entry file the upload policy accepts: a PDF by its content, else a plain text file."""
    if name is None:
        name = "design.pdf" if content.startswith(b"%PDF") else "design.txt"
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def sponsor_project(**fields: Any) -> tuple[Project, Any]:
    """A draft project of a fresh sponsor firm, with one criterion, and the sponsor's owner."""
    firm, owner = firm_with_owner()
    project = ProjectFactory.create(sponsor=firm, created_by=owner, **fields)
    CriterionFactory.create(project=project, name="Weight saving", weight=Decimal("2"))
    CriterionFactory.create(project=project, name="Cost", weight=Decimal("1"), scale_max=5)
    return project, owner


def open_project(**fields: Any) -> tuple[Project, Any]:
    project, owner = sponsor_project(**fields)
    services.project_transition(project=project, action="publish", by=owner)
    project.refresh_from_db()
    return project, owner


def solver(project: Project, **firm_fields: Any) -> tuple[Any, Any]:
    """A firm that accepted the project's terms, and its owner."""
    firm, owner = firm_with_owner(**firm_fields)
    services.terms_accept(project=project, by=owner, firm=firm)
    return firm, owner


def pass_deadline(project: Project) -> Project:
    Project.objects.filter(pk=project.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    project.refresh_from_db()
    return project


def closed_with_entries(count: int = 2) -> dict[str, Any]:
    """An open project with ``count`` solver entries, then closed, with one judge appointed."""
    project, sponsor = open_project()
    solvers = []
    for index in range(count):
        firm, owner = solver(project)
        services.entry_submit(
            project=project,
            by=owner,
            firm=firm,
            files=[upload(f"entry {index}".encode())],
            description=f"Entry {index}",
            title=f"Design {index}",
        )
        solvers.append((firm, owner))
    judge_user = UserFactory.create()
    services.judge_add(project=project, by=sponsor, user=judge_user)
    pass_deadline(project)
    services.projects_close_due()
    project.refresh_from_db()
    return {"project": project, "sponsor": sponsor, "solvers": solvers, "judge": judge_user}


def judging(count: int = 2) -> dict[str, Any]:
    data = closed_with_entries(count)
    services.project_transition(project=data["project"], action="start_judging", by=data["sponsor"])
    data["project"].refresh_from_db()
    return data
