"""Every transition of the lifecycle table, and who may make it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from clusters.models import ReviewPolicy
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.identity.models import FirmRole
from projects import services
from projects.models import Eligibility, ProjectStatus, ProjectTransition
from tests.factories import ClusterFactory, FirmMemberFactory, UserFactory, active_member
from tests.projects.factories import (
    ProjectFactory,
    closed_with_entries,
    judging,
    open_project,
    pass_deadline,
    sponsor_project,
)

pytestmark = pytest.mark.django_db


def test_the_table_names_every_status_change():
    targets = {t.target for t in services.TRANSITIONS.values()}
    assert targets == {s for s in ProjectStatus.values if s != ProjectStatus.DRAFT} | {ProjectStatus.DRAFT}


def test_sponsor_manager_publishes_a_project_without_review():
    project, owner = sponsor_project()
    services.project_transition(project=project, action="publish", by=owner)
    project.refresh_from_db()
    assert project.status == ProjectStatus.OPEN
    assert ProjectTransition.objects.filter(project=project, action="publish", actor=owner).exists()


def test_plain_member_of_sponsor_cannot_publish():
    project, _owner = sponsor_project()
    member = FirmMemberFactory.create(firm=project.sponsor, role=FirmRole.MEMBER).user
    with pytest.raises(NotAllowed):
        services.project_transition(project=project, action="publish", by=member)


def test_outsider_cannot_publish():
    project, _owner = sponsor_project()
    with pytest.raises(NotAllowed):
        services.project_transition(project=project, action="publish", by=UserFactory.create())


def test_project_without_criteria_cannot_open():
    owner_project = ProjectFactory.create()
    owner = FirmMemberFactory.create(firm=owner_project.sponsor).user
    with pytest.raises(Conflict):
        services.project_transition(project=owner_project, action="publish", by=owner)


def _cluster_project(policy: str):
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=policy, moderators=[moderator])
    sponsor, owner = active_member(cluster)
    project, _ = sponsor_project()
    project.sponsor = sponsor
    project.cluster = cluster
    project.save()
    return project, owner, moderator


def test_cluster_that_reviews_before_makes_publish_refused():
    project, owner, _moderator = _cluster_project(ReviewPolicy.BEFORE)
    with pytest.raises(Conflict):
        services.project_transition(project=project, action="publish", by=owner)


def test_submit_sends_to_review_and_moderator_approves():
    project, owner, moderator = _cluster_project(ReviewPolicy.BEFORE)
    services.project_transition(project=project, action="submit", by=owner)
    assert project.__class__.objects.get(pk=project.pk).status == ProjectStatus.REVIEW
    services.project_transition(project=project, action="approve", by=moderator)
    assert project.__class__.objects.get(pk=project.pk).status == ProjectStatus.OPEN


def test_sponsor_cannot_approve_own_project():
    project, owner, _moderator = _cluster_project(ReviewPolicy.BEFORE)
    services.project_transition(project=project, action="submit", by=owner)
    with pytest.raises(NotAllowed):
        services.project_transition(project=project, action="approve", by=owner)


def test_moderator_of_another_cluster_cannot_approve():
    project, owner, _moderator = _cluster_project(ReviewPolicy.BEFORE)
    services.project_transition(project=project, action="submit", by=owner)
    other = UserFactory.create()
    ClusterFactory.create(moderators=[other])
    with pytest.raises(NotAllowed):
        services.project_transition(project=project, action="approve", by=other)


def test_moderator_returns_to_draft_only_with_reason():
    project, owner, moderator = _cluster_project(ReviewPolicy.BEFORE)
    services.project_transition(project=project, action="submit", by=owner)
    with pytest.raises(DomainError):
        services.project_transition(project=project, action="return", by=moderator, reason=" ")
    services.project_transition(project=project, action="return", by=moderator, reason="State the award.")
    project.refresh_from_db()
    assert (project.status, project.status_reason) == (ProjectStatus.DRAFT, "State the award.")


def test_cluster_restricted_project_reviewed_by_eligible_cluster():
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.BEFORE, moderators=[moderator])
    project, owner = sponsor_project(eligibility=Eligibility.CLUSTERS)
    project.eligible_clusters.set([cluster])
    services.project_transition(project=project, action="submit", by=owner)
    services.project_transition(project=project, action="approve", by=moderator)
    project.refresh_from_db()
    assert project.status == ProjectStatus.OPEN


def test_review_after_cluster_publishes_at_once():
    project, owner, _moderator = _cluster_project(ReviewPolicy.AFTER)
    services.project_transition(project=project, action="publish", by=owner)
    project.refresh_from_db()
    assert project.status == ProjectStatus.OPEN


def test_nobody_closes_before_the_deadline():
    project, owner = open_project()
    with pytest.raises(NotAllowed):
        services.project_transition(project=project, action="close", by=owner)
    assert services.project_close_if_due(project_id=project.pk) is False


def test_reading_a_project_past_its_deadline_closes_it_once():
    project, owner = open_project()
    pass_deadline(project)
    read = services.project_get_closing_if_due(user=owner, project_id=project.pk)
    assert read.status == ProjectStatus.CLOSED
    assert services.project_get_closing_if_due(user=owner, project_id=project.pk).status == ProjectStatus.CLOSED
    assert ProjectTransition.objects.filter(project=project, action="close").count() == 1


def test_reading_an_open_project_before_its_deadline_leaves_it_open():
    project, owner = open_project()
    assert services.project_get_closing_if_due(user=owner, project_id=project.pk).status == ProjectStatus.OPEN


def test_the_clock_closes_after_the_deadline_and_twice_is_harmless():
    project, _owner = open_project()
    pass_deadline(project)
    assert services.projects_close_due() == 1
    assert services.projects_close_due() == 0
    project.refresh_from_db()
    assert project.status == ProjectStatus.CLOSED
    assert ProjectTransition.objects.filter(project=project, action="close").count() == 1


def test_close_task_closes_due_projects():
    from projects.tasks import close_due_projects

    project, _owner = open_project()
    pass_deadline(project)
    assert close_due_projects() == 1
    assert close_due_projects() == 0


def test_start_judging_needs_a_judge():
    project, owner = open_project()
    pass_deadline(project)
    services.projects_close_due()
    with pytest.raises(Conflict):
        services.project_transition(project=project, action="start_judging", by=owner)


def test_sponsor_starts_judging_and_freezes_the_rubric():
    data = closed_with_entries(1)
    services.project_transition(project=data["project"], action="start_judging", by=data["sponsor"])
    data["project"].refresh_from_db()
    assert data["project"].status == ProjectStatus.JUDGING
    assert data["project"].rubric_frozen_at is not None


def test_solver_cannot_start_judging():
    data = closed_with_entries(1)
    with pytest.raises(NotAllowed):
        services.project_transition(project=data["project"], action="start_judging", by=data["solvers"][0][1])


def test_judging_cannot_start_while_open():
    project, owner = open_project()
    services.judge_add(project=project, by=owner, user=UserFactory.create())
    with pytest.raises(Conflict):
        services.project_transition(project=project, action="start_judging", by=owner)


def test_award_through_the_generic_transition_is_refused():
    data = judging(1)
    with pytest.raises(DomainError):
        services.project_transition(project=data["project"], action="award", by=data["sponsor"])


def test_award_needs_the_panel_closed():
    data = judging(1)
    entry = data["project"].entries.get()
    with pytest.raises(Conflict):
        services.project_award(project=data["project"], by=data["sponsor"], winners=[entry])


@pytest.mark.parametrize("status", ["draft", "open", "judging"])
def test_sponsor_cancels_with_a_reason(status):
    if status == "judging":
        data = judging(1)
        project, owner = data["project"], data["sponsor"]
    elif status == "open":
        project, owner = open_project()
    else:
        project, owner = sponsor_project()
    with pytest.raises(DomainError):
        services.project_transition(project=project, action="cancel", by=owner)
    services.project_transition(project=project, action="cancel", by=owner, reason="Budget withdrawn")
    project.refresh_from_db()
    assert (project.status, project.status_reason) == (ProjectStatus.CANCELLED, "Budget withdrawn")


def test_platform_admin_cancels_and_solver_cannot(admin_user):
    project, _owner = open_project()
    with pytest.raises(NotAllowed):
        services.project_transition(project=project, action="cancel", by=UserFactory.create(), reason="x")
    services.project_transition(project=project, action="cancel", by=admin_user, reason="Breaks the rules")
    project.refresh_from_db()
    assert project.status == ProjectStatus.CANCELLED


def test_cancelled_project_cannot_be_cancelled_again():
    project, owner = open_project()
    services.project_transition(project=project, action="cancel", by=owner, reason="x")
    with pytest.raises(Conflict):
        services.project_transition(project=project, action="cancel", by=owner, reason="y")


def test_only_drafts_can_be_edited():
    project, owner = open_project()
    with pytest.raises(Conflict):
        services.project_update(project=project, by=owner, title="New")


def test_create_requires_an_award_and_an_aware_deadline():
    project, owner = sponsor_project()
    with pytest.raises(DomainError):
        services.project_create(
            by=owner, firm=project.sponsor, title="T", brief="B", deadline=timezone.now() + timedelta(days=1)
        )
    naive = (timezone.now() + timedelta(days=1)).replace(tzinfo=None)
    with pytest.raises(DomainError):
        services.project_create(
            by=owner, firm=project.sponsor, title="T", brief="B", deadline=naive, award_other="A trip"
        )


def test_allowed_actions_lists_what_the_person_may_do():
    project, owner = sponsor_project()
    assert services.allowed_actions(project=project, user=owner) == ["publish", "cancel"]
    assert services.allowed_actions(project=project, user=UserFactory.create()) == []


def test_sponsor_edits_a_draft():
    project, owner = sponsor_project()
    services.project_update(project=project, by=owner, title="Renamed", award_other="Pilot order")
    project.refresh_from_db()
    assert (project.title, project.award_other) == ("Renamed", "Pilot order")


def test_outsider_cannot_edit_a_draft():
    project, _owner = sponsor_project()
    with pytest.raises(NotAllowed):
        services.project_update(project=project, by=UserFactory.create(), title="Mine")
