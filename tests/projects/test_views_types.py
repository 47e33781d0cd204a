"""The types' pages, per role: nothing of another firm's idea or proposal leaks, and refusals are messages."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from projects import services
from projects.models_types import Idea, MilestoneStatus, Proposal
from projects.services import ideas
from tests.factories import UserFactory, firm_with_owner
from tests.projects.factories import open_project, pass_deadline, solver, sponsor_project

pytestmark = pytest.mark.django_db


def browser(user: Any = None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_sealed_ideas_page_shows_each_firm_only_its_own() -> None:
    project, sponsor = open_project(kind="ideation")
    alice, bob = solver(project), solver(project)
    browser(alice[1]).post(f"/projects/{project.pk}/ideas/new/", {"title": "Alpha idea", "text": "SECRET-A"})
    browser(bob[1]).post(f"/projects/{project.pk}/ideas/new/", {"title": "Beta idea", "text": "SECRET-B"})
    assert Idea.objects.count() == 2
    page = browser(bob[1]).get(f"/projects/{project.pk}/ideas/").content.decode()
    assert "SECRET-B" in page
    assert "SECRET-A" not in page
    sponsor_page = browser(sponsor).get(f"/projects/{project.pk}/ideas/").content.decode()
    assert "SECRET-A" in sponsor_page
    assert "SECRET-B" in sponsor_page
    judge = UserFactory.create()
    services.judge_add(project=project, by=sponsor, user=judge)
    for outsider in (judge, firm_with_owner()[1]):
        assert "SECRET" not in browser(outsider).get(f"/projects/{project.pk}/ideas/").content.decode()


def test_open_ideas_page_supports_and_comments(django_assert_max_num_queries: Any) -> None:
    project, sponsor = sponsor_project(kind="ideation")
    ideas.ideation_set(project=project, by=sponsor, open=True)
    services.project_transition(project=project, action="publish", by=sponsor)
    alice, bob = solver(project), solver(project)
    idea = ideas.idea_submit(project=project, by=alice[1], firm=alice[0], title="Alpha", text="Bamboo")
    for _ in range(3):
        ideas.idea_submit(project=project, by=alice[1], firm=alice[0], title="More", text="More")
    client = browser(bob[1])
    client.post(f"/projects/{project.pk}/ideas/{idea.pk}/support/")
    client.post(f"/projects/{project.pk}/ideas/{idea.pk}/comment/", {"text": "Try hemp"})
    with django_assert_max_num_queries(30):
        page = client.get(f"/projects/{project.pk}/ideas/").content.decode()
    assert "Try hemp" in page
    assert idea.supports.count() == 1
    # A second support is refused with a message, never a 500.
    again = client.post(f"/projects/{project.pk}/ideas/{idea.pk}/support/", follow=True)
    assert again.status_code in (200, 409)
    assert idea.supports.count() == 1


def test_the_comparison_page_is_the_sponsor_s_only() -> None:
    project, sponsor = open_project(kind="rfp")
    alice = solver(project)
    response = browser(alice[1]).post(
        f"/projects/{project.pk}/proposals/new/",
        {"summary": "SECRET plan", "price": "100", "delivery_days": "10", "milestones": "All | 100 | 10"},
    )
    assert response.status_code == 302
    assert Proposal.objects.count() == 1
    assert browser(sponsor).get(f"/projects/{project.pk}/proposals/compare/").status_code == 404  # still sealed
    pass_deadline(project)
    services.projects_close_due()
    assert "SECRET plan" in browser(sponsor).get(f"/projects/{project.pk}/proposals/compare/").content.decode()
    stranger = firm_with_owner()[1]
    judge = UserFactory.create()
    services.judge_add(project=project, by=sponsor, user=judge)
    for outsider in (alice[1], stranger, judge):
        assert browser(outsider).get(f"/projects/{project.pk}/proposals/compare/").status_code == 404
    for outsider in (stranger, judge):
        assert "SECRET plan" not in browser(outsider).get(f"/projects/{project.pk}/proposals/").content.decode()


def test_a_bad_milestone_line_is_a_form_error_not_a_500() -> None:
    project, _sponsor = open_project(kind="rfp")
    alice = solver(project)
    response = browser(alice[1]).post(
        f"/projects/{project.pk}/proposals/new/",
        {"summary": "Plan", "price": "100", "delivery_days": "10", "milestones": "All | NaN | x"},
        follow=True,
    )
    assert response.status_code in (200, 400)
    assert not Proposal.objects.exists()


def test_contract_page_flow_and_outsiders_get_404() -> None:
    project, sponsor = open_project(kind="rfp")
    alice, bob = solver(project), solver(project)
    for who in (alice, bob):
        browser(who[1]).post(
            f"/projects/{project.pk}/proposals/new/",
            {"summary": "Plan", "price": "100", "delivery_days": "10", "milestones": "All | 100 | 10"},
        )
    pass_deadline(project)
    services.projects_close_due()
    chosen = Proposal.objects.get(team__lead=alice[0])
    assert browser(sponsor).post(f"/projects/{project.pk}/proposals/{chosen.pk}/select/").status_code == 302
    milestone = chosen.contract.milestones.get()
    assert browser(bob[1]).get(f"/projects/{project.pk}/contract/").status_code == 404
    browser(alice[1]).post(f"/projects/{project.pk}/contract/milestones/{milestone.pk}/deliver/", {"note": "Done"})
    browser(sponsor).post(
        f"/projects/{project.pk}/contract/milestones/{milestone.pk}/decide/", {"accept": "1", "note": "Thanks"}
    )
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.ACCEPTED
    assert "Thanks" in browser(alice[1]).get(f"/projects/{project.pk}/contract/").content.decode()
