"""The rounds parts of the pages: notes on the score form, what each role sees, refusals as messages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from projects import services
from projects.models_rounds import Review
from tests.factories import UserFactory
from tests.projects.rounds_builders import entry_of, open_final, two_phase_judging

pytestmark = pytest.mark.django_db


def test_the_score_form_saves_a_private_note_and_a_note_to_the_solver(client):
    data = two_phase_judging(entries=1, judges=1)
    project = data["project"]
    owner = data["solvers"][0][1]
    entry = entry_of(project, owner)
    client.force_login(data["judges"][0])
    values = {f"criterion_{c.pk}": "3" for c in project.criteria.all()}
    client.post(
        reverse("projects:score", args=[project.pk, entry.pk]),
        {**values, "private_note": "PRIVATE-REMARK", "solver_note": "Thicker ribs"},
    )
    review = Review.objects.get(entry=entry)
    assert review.private_note == "PRIVATE-REMARK"
    assert review.solver_note == "Thicker ribs"
    services.panel_close(project=project, by=data["sponsor"])
    client.force_login(owner)
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Thicker ribs" in page
    assert "PRIVATE-REMARK" not in page


def test_the_sponsor_sees_the_shortlist_form_and_others_do_not(client):
    data = two_phase_judging(entries=2, judges=1)
    project = data["project"]
    client.force_login(data["sponsor"])
    assert 'data-testid="shortlist"' in client.get(project.get_absolute_url()).content.decode()
    for person in (data["judges"][0], data["solvers"][0][1], UserFactory.create()):
        client.force_login(person)
        assert 'data-testid="shortlist"' not in client.get(project.get_absolute_url()).content.decode()


def test_opening_the_next_phase_without_a_shortlist_is_a_message_not_an_error(client):
    data = two_phase_judging(entries=2, judges=1)
    project = data["project"]
    client.force_login(data["sponsor"])
    response = client.post(reverse("projects:phase-open", args=[project.pk]), follow=True)
    assert response.status_code == 200
    project.refresh_from_db()
    assert project.phase_number == 1


def test_the_project_page_stays_within_its_query_budget_in_the_final_phase(client, django_assert_max_num_queries):
    data = two_phase_judging(entries=3, judges=2)
    project = open_final(data, shortlisted=2)
    client.force_login(data["sponsor"])
    with django_assert_max_num_queries(60):
        assert client.get(project.get_absolute_url()).status_code == 200


def test_the_sponsor_assigns_by_hand_in_bulk_on_the_page(client):
    data = two_phase_judging(entries=3, judges=2)
    project = data["project"]
    judge = project.judges.first()
    entries = [entry_of(project, owner).pk for _f, owner in data["solvers"][:2]]
    client.force_login(data["sponsor"])
    client.post(reverse("projects:assign", args=[project.pk]), {"judge": judge.pk, "entries": entries})
    assert sorted(judge.assignments.values_list("entry_id", flat=True)) == sorted(entries)
