"""The API: the same permissions as the pages, sealed entries, problem details for refusals."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from projects import services
from projects.models import Project, ProjectStatus
from tests.factories import UserFactory, firm_with_owner
from tests.projects.factories import closed_with_entries, judging, open_project, solver, upload

pytestmark = pytest.mark.django_db
BASE = "/api/v1/projects/"


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


def test_sponsor_creates_adds_criterion_and_publishes():
    _firm, owner = firm_with_owner()
    client = api(owner)
    deadline = (timezone.now() + timedelta(days=5)).isoformat()
    created = client.post(
        BASE,
        {
            "title": "Gearbox",
            "brief": "Quieter",
            "deadline": deadline,
            "award_other": "Supply contract",
            "ip_terms": "exclusive",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert client.post(f"{BASE}{pk}/criteria/", {"name": "Noise", "weight": "1"}, format="json").status_code == 201
    opened = client.post(f"{BASE}{pk}/transitions/", {"action": "publish"}, format="json")
    assert opened.status_code == 200
    assert opened.json()["status"] == "open"


def test_anonymous_cannot_create():
    response = api().post(BASE, {"title": "x"}, format="json")
    assert response.status_code in (401, 403)


def test_outsider_transition_is_a_problem_403():
    project, _ = open_project()
    _firm, stranger = firm_with_owner()
    response = api(stranger).post(
        f"{BASE}{project.pk}/transitions/", {"action": "cancel", "reason": "x"}, format="json"
    )
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/problem+json")


def test_confidential_brief_is_null_until_terms_accepted():
    project, _ = open_project()
    _firm, owner = firm_with_owner()
    client = api(owner)
    assert client.get(f"{BASE}{project.pk}/").json()["confidential_brief"] is None
    assert client.post(f"{BASE}{project.pk}/terms/accept/").status_code == 201
    assert client.get(f"{BASE}{project.pk}/").json()["confidential_brief"] == project.confidential_brief


def test_submit_returns_a_receipt_and_verify_matches():
    project, _ = open_project()
    _firm, owner = solver(project)
    client = api(owner)
    response = client.post(
        f"{BASE}{project.pk}/entries/", {"files": [upload(b"CAD bytes")], "title": "Mine"}, format="multipart"
    )
    assert response.status_code == 201, response.content
    receipt = response.json()
    ok = client.post(
        f"{BASE}receipts/verify/", {"receipt": json.dumps(receipt), "file": upload(b"CAD bytes")}, format="multipart"
    )
    assert ok.json()["matches"] is True
    bad = client.post(
        f"{BASE}receipts/verify/", {"receipt": json.dumps(receipt), "file": upload(b"CAD bytes2")}, format="multipart"
    )
    assert bad.json()["matches"] is False
    assert bad.json()["receipt_valid"] is True


def test_late_submission_is_a_409_deadline_passed():
    project, _ = open_project()
    _firm, owner = solver(project)
    Project.objects.filter(pk=project.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    response = api(owner).post(f"{BASE}{project.pk}/entries/", {"files": [upload()]}, format="multipart")
    assert response.status_code == 409
    assert response.json()["code"] == "deadline_passed"


def test_entries_are_sealed_in_the_api_before_close():
    project, sponsor = open_project()
    firm, owner = solver(project)
    _other, other_owner = solver(project)
    judge = UserFactory.create()
    services.judge_add(project=project, by=sponsor, user=judge)
    version = services.entry_submit(project=project, by=owner, firm=firm, files=[upload()], title="SEALED")
    for person in (sponsor, other_owner, judge):
        client = api(person)
        assert client.get(f"{BASE}{project.pk}/entries/").json() == []
        assert client.get(f"{BASE}{project.pk}/entries/{version.entry_id}/").status_code == 404
        assert client.get(f"{BASE}{project.pk}/entries/{version.entry_id}/versions/1/receipt/").status_code == 404
    assert len(api(owner).get(f"{BASE}{project.pk}/entries/").json()) == 1


def test_judge_reads_entries_after_close():
    data = closed_with_entries(2)
    assert len(api(data["judge"]).get(f"{BASE}{data['project'].pk}/entries/").json()) == 2


def test_rubric_change_after_judging_is_a_409():
    data = judging(1)
    criterion = data["project"].criteria.first()
    response = api(data["sponsor"]).patch(
        f"{BASE}{data['project'].pk}/criteria/{criterion.pk}/", {"weight": "5"}, format="json"
    )
    assert response.status_code == 409


def test_conflicted_judge_can_neither_open_nor_score_the_entry_through_the_api():
    from platform_.identity.models import FirmMember, FirmRole

    data = judging(1)
    project = data["project"]
    entry = project.entries.get()
    FirmMember.objects.create(firm=entry.team.lead, user=data["judge"], role=FirmRole.MEMBER)
    response = api(data["judge"]).post(
        f"{BASE}{project.pk}/entries/{entry.pk}/scores/",
        {"values": {str(c.pk): 1 for c in project.criteria.all()}},
        format="json",
    )
    assert response.status_code == 404  # the entry is sealed from a judge who may not score it


def test_scores_hidden_then_ranking_then_award_through_the_api():
    data = judging(2)
    project = data["project"]
    judge_client = api(data["judge"])
    other = UserFactory.create()
    services.judge_add(project=project, by=data["sponsor"], user=other)
    for entry in project.entries.all():
        response = judge_client.post(
            f"{BASE}{project.pk}/entries/{entry.pk}/scores/",
            {"values": {str(c.pk): 3 for c in project.criteria.all()}},
            format="json",
        )
        assert response.status_code == 200, response.content
    assert api(other).get(f"{BASE}{project.pk}/scores/").json() == []
    sponsor = api(data["sponsor"])
    assert sponsor.get(f"{BASE}{project.pk}/ranking/").status_code == 403
    assert sponsor.post(f"{BASE}{project.pk}/panel/close/").status_code == 200
    assert len(api(other).get(f"{BASE}{project.pk}/scores/").json()) == 4
    ranking = sponsor.get(f"{BASE}{project.pk}/ranking/").json()
    assert [row["rank"] for row in ranking] == [1, 2]
    winner = ranking[0]["entry"]
    awarded = sponsor.post(f"{BASE}{project.pk}/awards/", {"winners": [winner]}, format="json")
    assert awarded.status_code == 201, awarded.content
    assert awarded.json()[0]["asset"]
    project.refresh_from_db()
    assert project.status == ProjectStatus.AWARDED


def test_questions_public_and_private_through_the_api():
    project, sponsor = open_project()
    _asker, asker_owner = solver(project)
    _other, other_owner = solver(project)
    asked = api(asker_owner).post(f"{BASE}{project.pk}/questions/", {"text": "Material?"}, format="json")
    assert asked.status_code == 201
    qid = asked.json()["id"]
    assert (
        api(sponsor)
        .post(f"{BASE}{project.pk}/questions/{qid}/answer/", {"answer": "Steel", "public": False}, format="json")
        .status_code
        == 200
    )
    assert api(other_owner).get(f"{BASE}{project.pk}/questions/").json() == []
    assert len(api(asker_owner).get(f"{BASE}{project.pk}/questions/").json()) == 1


def test_draft_invisible_to_others_in_the_api():
    from tests.projects.factories import sponsor_project

    project, _ = sponsor_project()
    assert api(UserFactory.create()).get(f"{BASE}{project.pk}/").status_code == 404
    assert all(row["id"] != project.pk for row in api().get(BASE).json()["results"])


def test_list_query_count_does_not_grow_with_rows(django_assert_max_num_queries):
    for _ in range(3):
        open_project()
    client = api(UserFactory.create())
    with django_assert_max_num_queries(8):
        client.get(BASE)
    for _ in range(5):
        open_project()
    with django_assert_max_num_queries(8):
        client.get(BASE)
