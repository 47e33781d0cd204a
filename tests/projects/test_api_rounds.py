"""The rounds, evaluation, appeals and statistics API: JSON bodies, the services' rules, problem details."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from projects import services
from projects.models import Project
from tests.factories import firm_with_owner
from tests.projects.factories import sponsor_project
from tests.projects.rounds_builders import entry_of, two_phase_judging

pytestmark = pytest.mark.django_db
BASE = "/api/v1/projects/"


def api(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def test_the_sponsor_adds_phases_and_reads_them():
    project, sponsor = sponsor_project()
    client = api(sponsor)
    deadline = timezone.now() + timedelta(days=4)
    response = client.post(
        f"{BASE}{project.pk}/phases/", {"name": "Qualifying", "deadline": deadline.isoformat()}, format="json"
    )
    assert response.status_code == 201, response.content
    response = client.post(
        f"{BASE}{project.pk}/phases/",
        {"name": "Final", "deadline": (deadline + timedelta(days=9)).isoformat(), "shortlist_limit": 6},
        format="json",
    )
    assert response.status_code == 201
    listed = client.get(f"{BASE}{project.pk}/phases/").json()
    assert [p["name"] for p in listed["phases"]] == ["Qualifying", "Final"]
    assert listed["current"] == 1
    assert listed["final"] is False
    _firm, stranger = firm_with_owner()
    refused = api(stranger).post(
        f"{BASE}{project.pk}/phases/", {"name": "X", "deadline": deadline.isoformat()}, format="json"
    )
    assert refused.status_code == 404  # a draft is the sponsor's own


def test_shortlist_then_open_the_final_phase_then_no_cancel():
    data = two_phase_judging(entries=3)
    project = data["project"]
    client = api(data["sponsor"])
    chosen = [entry_of(project, owner).pk for _f, owner in data["solvers"][:2]]
    response = client.post(
        f"{BASE}{project.pk}/shortlist/",
        {"entries": chosen, "feedback": {str(chosen[0]): "Thinner ribs"}},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert sorted(row["entry"] for row in response.json()) == sorted(chosen)
    response = client.post(f"{BASE}{project.pk}/phases/next/", {}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["award_guaranteed"] is True
    cancel = client.post(f"{BASE}{project.pk}/transitions/", {"action": "cancel", "reason": "No budget"}, format="json")
    assert cancel.status_code == 409


def test_auto_assignment_queue_and_review_over_the_api():
    data = two_phase_judging(entries=4, judges=2)
    project = data["project"]
    response = api(data["sponsor"]).post(
        f"{BASE}{project.pk}/assignments/auto/", {"reviews_per_entry": 1}, format="json"
    )
    assert response.status_code == 201, response.content
    judge = data["judges"][0]
    queue = api(judge).get(f"{BASE}{project.pk}/queue/").json()
    assert len(queue) == 2
    assert not any(item["reviewed"] for item in queue)
    entry_id = queue[0]["entry"]
    values = {str(c.pk): 3 for c in project.criteria.all()}
    response = api(judge).post(
        f"{BASE}{project.pk}/entries/{entry_id}/reviews/",
        {"values": values, "private_note": "meh", "solver_note": "Add a test report."},
        format="json",
    )
    assert response.status_code == 200, response.content
    queue = api(judge).get(f"{BASE}{project.pk}/queue/").json()
    assert [item["reviewed"] for item in queue].count(True) == 1
    others = {a["entry"] for a in api(judge).get(f"{BASE}{project.pk}/assignments/").json()}
    unassigned = next(e.pk for e in project.entries.all() if e.pk not in others)
    refused = api(judge).post(f"{BASE}{project.pk}/entries/{unassigned}/reviews/", {"values": values}, format="json")
    assert refused.status_code == 403
    assert api(data["solvers"][0][1]).get(f"{BASE}{project.pk}/queue/").json() == []


def test_appeal_decision_and_revision_over_the_api():
    data = two_phase_judging(entries=1, judges=1)
    project = data["project"]
    _firm, owner = data["solvers"][0]
    entry = entry_of(project, owner)
    values = {c.pk: 2 for c in project.criteria.all()}
    services.score_submit(project=project, by=data["judges"][0], entry=entry, values=values)
    services.panel_close(project=project, by=data["sponsor"])
    response = api(owner).post(f"{BASE}{project.pk}/appeals/", {"entry": entry.pk, "reason": "Misread"}, format="json")
    assert response.status_code == 201, response.content
    appeal_id = response.json()["id"]
    response = api(owner).post(
        f"{BASE}{project.pk}/appeals/{appeal_id}/decision/", {"status": "upheld", "answer": "ok"}, format="json"
    )
    assert response.status_code == 403
    response = api(data["sponsor"]).post(
        f"{BASE}{project.pk}/appeals/{appeal_id}/decision/", {"status": "upheld", "answer": "Agreed"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "upheld"
    response = api(data["judges"][0]).post(
        f"{BASE}{project.pk}/entries/{entry.pk}/scores/revise/",
        {"values": {str(c.pk): 4 for c in project.criteria.all()}},
        format="json",
    )
    assert response.status_code == 200, response.content


def test_a_late_appeal_is_a_409_problem():
    data = two_phase_judging(entries=1, judges=1)
    project = data["project"]
    _firm, owner = data["solvers"][0]
    entry = entry_of(project, owner)
    services.score_submit(
        project=project, by=data["judges"][0], entry=entry, values={c.pk: 2 for c in project.criteria.all()}
    )
    services.panel_close(project=project, by=data["sponsor"])
    Project.objects.filter(pk=project.pk).update(panel_closed_at=timezone.now() - timedelta(days=4))
    response = api(owner).post(f"{BASE}{project.pk}/appeals/", {"entry": entry.pk, "reason": "Late"}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "appeal_window_closed"
