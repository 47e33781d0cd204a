"""The brief written back from co-editing: only the sponsor's managers, only while the project is a draft."""

from __future__ import annotations

import pytest

from platform_.audit.models import AuditEntry
from platform_.errors import DomainError, NotAllowed
from platform_.identity.models import FirmMember
from projects import selectors, services
from tests.factories import UserFactory
from tests.projects.factories import open_project, solver, sponsor_project

pytestmark = pytest.mark.django_db


def test_sponsor_manager_may_change_the_brief_of_a_draft() -> None:
    project, owner = sponsor_project()
    assert selectors.project_brief_editable(user=owner, project_id=project.pk)


def test_nobody_may_change_the_brief_once_published() -> None:
    project, owner = open_project()
    _firm, solver_owner = solver(project)
    assert not selectors.project_brief_editable(user=owner, project_id=project.pk)
    assert not selectors.project_brief_editable(user=solver_owner, project_id=project.pk)


def test_sponsor_member_without_a_managing_role_may_not_change_the_brief() -> None:
    project, _owner = sponsor_project()
    member = UserFactory.create()
    FirmMember.objects.create(firm_id=project.sponsor_id, user=member, role="member")
    assert not selectors.project_brief_editable(user=member, project_id=project.pk)


def test_brief_set_stores_the_text_and_records_it() -> None:
    project, owner = sponsor_project(brief="Old.")
    services.project_brief_set(project=project, text="New brief.", by=owner)
    project.refresh_from_db()
    assert project.brief == "New brief."
    assert AuditEntry.objects.filter(action="project.brief_set", actor=owner).count() == 1


def test_brief_set_with_the_same_text_records_nothing() -> None:
    project, owner = sponsor_project(brief="Same.")
    services.project_brief_set(project=project, text="Same.", by=owner)
    assert not AuditEntry.objects.filter(action="project.brief_set").exists()


def test_brief_set_is_refused_once_published() -> None:
    project, owner = open_project(brief="Published.")
    with pytest.raises(NotAllowed):
        services.project_brief_set(project=project, text="Changed.", by=owner)
    project.refresh_from_db()
    assert project.brief == "Published."


def test_brief_set_refuses_an_empty_brief() -> None:
    project, owner = sponsor_project(brief="Keep me.")
    with pytest.raises(DomainError):
        services.project_brief_set(project=project, text="  \n", by=owner)
    project.refresh_from_db()
    assert project.brief == "Keep me."
