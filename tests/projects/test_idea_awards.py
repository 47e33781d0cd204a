"""The ideation award: winning ideas chosen by the sponsor, credited to every merged idea's firm,
turned into assets with the use events of the design award; guarded by the lifecycle."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from knowledge.models import AssetLink, AssetOwnership, AssetStatus, LinkKind, UseEvent, UseKind
from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, DomainError, NotAllowed, NotFound
from platform_.notifications.models import Notification
from projects import services
from projects.models import IpTerms, ProjectKind, ProjectStatus, ProjectTransition
from projects.models_types import IdeaAward
from projects.services import ideas
from projects.services.idea_awards import ideas_award
from tests.projects.factories import pass_deadline, solver
from tests.projects.test_ideas import ideation, submit

pytestmark = pytest.mark.django_db


def closed_ideation(**fields: Any) -> dict[str, Any]:
    project, sponsor = ideation(open_mode=True)
    if fields:
        type(project).objects.filter(pk=project.pk).update(**fields)
        project.refresh_from_db()
    alice, bob, carol = solver(project), solver(project), solver(project)
    idea_a = submit(project, alice, "Bamboo frame")
    idea_b = submit(project, bob, "Bamboo loom frame")
    idea_c = submit(project, carol, "Hemp rope")
    ideas.idea_merge(idea=idea_a, by=sponsor, duplicates=[idea_b])
    pass_deadline(project)
    services.projects_close_due()
    project.refresh_from_db()
    return {
        "project": project,
        "sponsor": sponsor,
        "alice": alice,
        "bob": bob,
        "carol": carol,
        "a": idea_a,
        "b": idea_b,
        "c": idea_c,
    }


def test_the_award_credits_every_merged_author_and_makes_an_asset_like_the_design_award() -> None:
    data = closed_ideation()
    project, alice, bob = data["project"], data["alice"], data["bob"]
    assert project.status == ProjectStatus.CLOSED
    assert project.ip_terms != IpTerms.ASSIGNMENT
    [award] = ideas_award(project=project, by=data["sponsor"], winners=[data["a"]])
    project.refresh_from_db()
    assert project.status == ProjectStatus.AWARDED
    assert ProjectTransition.objects.filter(project=project, action="award_ideas").exists()
    asset = award.asset
    assert asset is not None
    assert asset.status == AssetStatus.PUBLISHED
    owners = dict(AssetOwnership.objects.filter(asset=asset).values_list("firm_id", "share"))
    assert owners == {alice[0].pk: Decimal("0.5"), bob[0].pk: Decimal("0.5")}
    assert AssetLink.objects.filter(citing=asset, cited=award.brief_asset, kind=LinkKind.DERIVATION).exists()
    derived = set(
        UseEvent.objects.filter(asset=award.brief_asset, kind=UseKind.DERIVATION).values_list("firm_id", flat=True)
    )
    assert derived == {alice[0].pk, bob[0].pk}
    assert UseEvent.objects.filter(asset=asset, kind=UseKind.LICENCE, firm=project.sponsor).exists()
    assert award.amount == project.award_amount
    record = AuditEntry.objects.get(action="project.ideas_award")
    assert record.data["ideas"] == [data["a"].pk]
    assert Notification.objects.filter(recipient=bob[1], kind="project.idea_won").exists()  # merged author
    assert Notification.objects.filter(recipient=data["carol"][1], kind="project.result").exists()
    assert not Notification.objects.filter(recipient=data["carol"][1], kind="project.idea_won").exists()


def test_under_assignment_the_sponsor_owns_the_idea_and_the_authors_keep_sight() -> None:
    data = closed_ideation(ip_terms=IpTerms.ASSIGNMENT)
    award, _other = ideas_award(project=data["project"], by=data["sponsor"], winners=[data["a"], data["c"]])
    owners = list(AssetOwnership.objects.filter(asset=award.asset).values_list("firm_id", flat=True))
    assert owners == [data["project"].sponsor_id]
    assert award.asset is not None
    assert set(award.asset.access_firms.values_list("id", flat=True)) == {data["alice"][0].pk, data["bob"][0].pk}
    assert IdeaAward.objects.filter(project=data["project"]).count() == 2
    assert award.amount == (data["project"].award_amount / 2).quantize(Decimal("0.01"))


def test_the_lifecycle_guards_the_ideation_award() -> None:
    project, sponsor = ideation(open_mode=False)
    alice = solver(project)
    idea = submit(project, alice)
    with pytest.raises(Conflict):  # still open
        ideas_award(project=project, by=sponsor, winners=[idea])
    pass_deadline(project)
    services.projects_close_due()
    project.refresh_from_db()
    with pytest.raises(NotAllowed):
        ideas_award(project=project, by=alice[1], winners=[idea])
    with pytest.raises(DomainError):
        ideas_award(project=project, by=sponsor, winners=[])
    with pytest.raises(Conflict):  # the design award is not the ideation's
        services.project_award(project=project, by=sponsor, winners=[])
    with pytest.raises(DomainError):
        services.project_transition(project=project, action="award_ideas", by=sponsor)
    assert "award_ideas" in services.allowed_actions(project=project, user=sponsor)
    assert "award" not in services.allowed_actions(project=project, user=sponsor)
    ideas_award(project=project, by=sponsor, winners=[idea])
    with pytest.raises(Conflict):  # once
        ideas_award(project=project, by=sponsor, winners=[idea])
    with pytest.raises(Conflict):
        services.project_transition(project=project, action="cancel", by=sponsor, reason="Too late")


def test_a_merged_idea_or_another_projects_idea_cannot_win() -> None:
    data = closed_ideation()
    with pytest.raises(DomainError) as refused:
        ideas_award(project=data["project"], by=data["sponsor"], winners=[data["b"]])
    assert refused.value.code == "idea_merged"
    other = closed_ideation()
    with pytest.raises(NotFound):
        ideas_award(project=data["project"], by=data["sponsor"], winners=[other["c"]])
    data["project"].refresh_from_db()
    assert data["project"].status == ProjectStatus.CLOSED


def test_a_design_project_is_not_awarded_with_ideas() -> None:
    from tests.projects.factories import judging

    data = judging(1)
    with pytest.raises(Conflict):
        ideas_award(project=data["project"], by=data["sponsor"], winners=[])
    assert data["project"].kind == ProjectKind.DESIGN


def test_the_api_awards_an_ideation_with_problems_for_refusals() -> None:
    from rest_framework.test import APIClient

    data = closed_ideation()
    project = data["project"]
    client = APIClient()
    client.force_login(data["sponsor"])
    url = f"/api/v1/projects/{project.pk}/ideas/award/"
    refused = client.post(url, {"idea_ids": [data["b"].pk]}, format="json")
    assert refused.status_code == 400
    assert refused.json()["code"] == "idea_merged"
    solver_client = APIClient()
    solver_client.force_login(data["carol"][1])
    assert solver_client.post(url, {"idea_ids": [data["c"].pk]}, format="json").status_code == 403
    response = client.post(url, {"idea_ids": [data["a"].pk]}, format="json")
    assert response.status_code == 201, response.content
    [row] = response.json()
    assert row["idea"] == data["a"].pk
    assert row["asset"] is not None
    assert client.post(url, {"idea_ids": [data["a"].pk]}, format="json").status_code == 409


def test_the_ideas_page_lets_the_sponsor_award_and_shows_the_winner(client) -> None:
    from django.urls import reverse

    data = closed_ideation()
    project = data["project"]
    page_url = reverse("projects:ideas", args=[project.pk])
    client.force_login(data["carol"][1])
    assert 'data-testid="ideas-award-form"' not in client.get(page_url).content.decode()
    client.force_login(data["sponsor"])
    assert 'data-testid="ideas-award-form"' in client.get(page_url).content.decode()
    response = client.post(
        reverse("projects:ideas-award", args=[project.pk]), {"winners": [str(data["a"].pk)]}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="winner"' in page
    assert 'data-testid="ideas-award-form"' not in page
    project.refresh_from_db()
    assert project.status == ProjectStatus.AWARDED
