"""The API of the challenge types: ideas, proposals, the contract and its milestones, per role."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from projects import services
from projects.services import ideas
from tests.factories import firm_with_owner
from tests.projects.factories import open_project, pass_deadline, solver, sponsor_project

pytestmark = pytest.mark.django_db
BASE = "/api/v1/projects/"
PROPOSAL = {
    "summary": "CNC steel frame",
    "price": "100000.00",
    "delivery_days": 90,
    "milestones": [
        {"title": "Prototype", "amount": "40000.00", "due_days": 30},
        {"title": "Delivery", "amount": "60000.00", "due_days": 90},
    ],
}


def api(user: Any = None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


def open_ideation() -> tuple[Any, Any]:
    project, sponsor = sponsor_project(kind="ideation")
    response = api(sponsor).put(f"{BASE}{project.pk}/ideation/", {"open": True}, format="json")
    assert response.status_code == 200, response.content
    services.project_transition(project=project, action="publish", by=sponsor)
    project.refresh_from_db()
    return project, sponsor


def test_ideas_api_open_ideation_comment_support_and_merge() -> None:
    project, sponsor = open_ideation()
    (_fa, alice), (_fb, bob) = solver(project), solver(project)
    assert api(alice).get(f"{BASE}{project.pk}/ideation/").json() == {"open": True}
    url = f"{BASE}{project.pk}/ideas/"
    a = api(alice).post(url, {"title": "Bamboo", "text": "Use bamboo fibre."}, format="json")
    assert a.status_code == 201, a.content
    b = api(bob).post(url, {"title": "Bamboo 2", "text": "Bamboo composite."}, format="json")
    a_id, b_id = a.json()["id"], b.json()["id"]
    assert {i["id"] for i in api(bob).get(url).json()} == {a_id, b_id}
    assert api(bob).post(f"{url}{a_id}/comments/", {"text": "Nice"}, format="json").status_code == 201
    supported = api(bob).post(f"{url}{a_id}/supports/", format="json")
    assert supported.status_code == 201
    assert supported.json()["support_count"] == 1
    assert api(bob).post(f"{url}{a_id}/supports/", format="json").status_code == 409
    assert api(alice).post(f"{url}{a_id}/supports/", format="json").status_code == 403
    assert api(alice).post(f"{url}{a_id}/merge/", {"duplicate_ids": [b_id]}, format="json").status_code == 403
    merged = api(sponsor).post(f"{url}{a_id}/merge/", {"duplicate_ids": [b_id]}, format="json")
    assert merged.status_code == 200, merged.content
    assert len(merged.json()["credited_firms"]) == 2
    assert api(sponsor).post(f"{url}{a_id}/merge/", {"duplicate_ids": [999999]}, format="json").status_code == 400


def test_ideas_api_is_sealed_and_limits_length() -> None:
    project, _sponsor = open_project(kind="ideation")
    (_fa, alice), (_fb, bob) = solver(project), solver(project)
    url = f"{BASE}{project.pk}/ideas/"
    too_long = api(alice).post(url, {"title": "Long", "text": "x" * 1001}, format="json")
    assert too_long.status_code == 400
    a_id = api(alice).post(url, {"title": "A", "text": "An idea"}, format="json").json()["id"]
    assert api(bob).get(url).json() == []
    assert api(bob).get(f"{url}{a_id}/").status_code == 404
    assert api(bob).get(f"{url}{a_id}/comments/").status_code == 404
    _firm, stranger = firm_with_owner()
    assert api(stranger).get(url).json() == []


def test_rfp_api_proposal_comparison_selection_and_milestone(django_assert_max_num_queries: Any) -> None:
    project, sponsor = open_project(kind="rfp")
    (_fa, alice), (_fb, bob) = solver(project), solver(project)
    url = f"{BASE}{project.pk}/proposals/"
    mine = api(alice).post(url, PROPOSAL, format="json")
    assert mine.status_code == 201, mine.content
    assert api(bob).post(url, {**PROPOSAL, "price": "1.00"}, format="json").status_code == 400
    api(bob).post(url, {**PROPOSAL, "summary": "Aluminium"}, format="json")
    assert [p["id"] for p in api(alice).get(url).json()] == [mine.json()["id"]]
    assert api(sponsor).get(url).json() == []  # sealed until the deadline
    assert api(bob).get(f"{url}{mine.json()['id']}/").status_code == 404
    pass_deadline(project)
    services.projects_close_due()
    client = api(sponsor)
    with django_assert_max_num_queries(16):  # a fixed number, however many proposals
        compared = client.get(url)
    assert len(compared.json()) == 2
    assert api(alice).post(f"{url}{mine.json()['id']}/select/", format="json").status_code == 403
    assert api(bob).post(f"{url}{mine.json()['id']}/select/", format="json").status_code == 404
    selected = api(sponsor).post(f"{url}{mine.json()['id']}/select/", format="json")
    assert selected.status_code == 201, selected.content
    milestone = selected.json()["milestones"][0]["id"]
    contract_url = f"{BASE}{project.pk}/contract/"
    assert api(bob).get(contract_url).status_code == 404
    assert api(alice).get(contract_url).status_code == 200
    deliver = f"{contract_url}milestones/{milestone}/deliveries/"
    decide = f"{contract_url}milestones/{milestone}/decision/"
    assert api(bob).post(deliver, {"note": "x"}, format="json").status_code == 404
    assert api(alice).post(deliver, {"note": "Shipped"}, format="json").status_code == 200
    assert api(sponsor).post(decide, {"accept": False}, format="json").status_code == 400
    assert api(sponsor).post(decide, {"accept": False, "note": "Cracks"}, format="json").json()["status"] == "returned"
    assert api(alice).post(deliver, {"note": "Fixed"}, format="json").status_code == 200
    accepted = api(sponsor).post(decide, {"accept": True, "note": "OK"}, format="json")
    assert accepted.json()["status"] == "accepted"
    assert [e["action"] for e in accepted.json()["events"]] == ["submit", "return", "submit", "accept"]


def test_the_ideation_setting_is_the_sponsor_s_and_only_in_draft() -> None:
    project, sponsor = sponsor_project(kind="ideation")
    _firm, stranger = firm_with_owner()
    assert api(stranger).put(f"{BASE}{project.pk}/ideation/", {"open": True}, format="json").status_code == 404
    design, design_sponsor = sponsor_project()
    assert api(design_sponsor).put(f"{BASE}{design.pk}/ideation/", {"open": True}, format="json").status_code == 409
    ideas.ideation_set(project=project, by=sponsor, open=True)
    services.project_transition(project=project, action="publish", by=sponsor)
    assert api(sponsor).put(f"{BASE}{project.pk}/ideation/", {"open": False}, format="json").status_code == 409
