"""Phases are for design challenges only: ideation and RFP run in one phase. Refused in the
service, on the page and in the API with the same clear reason."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from platform_.errors import Conflict
from projects import services
from projects.models import ProjectKind
from projects.models_rounds import Phase
from tests.projects.factories import sponsor_project

pytestmark = pytest.mark.django_db


def _deadline():
    return timezone.now() + timedelta(days=5)


@pytest.mark.parametrize("kind", [ProjectKind.IDEATION, ProjectKind.RFP])
def test_ideation_and_rfp_take_no_phases(kind):
    project, sponsor = sponsor_project(kind=kind)
    with pytest.raises(Conflict) as refused:
        services.phase_add(project=project, by=sponsor, name="Qualifying", deadline=_deadline())
    assert refused.value.code == "phases_design_only"
    assert not Phase.objects.filter(project=project).exists()


def test_a_design_draft_with_phases_stays_a_design_challenge():
    project, sponsor = sponsor_project()
    services.phase_add(project=project, by=sponsor, name="Qualifying", deadline=_deadline())
    with pytest.raises(Conflict) as refused:
        services.project_update(project=project, by=sponsor, kind=ProjectKind.IDEATION)
    assert refused.value.field == "kind"
    project.refresh_from_db()
    assert project.kind == ProjectKind.DESIGN
    services.project_update(project=project, by=sponsor, kind=ProjectKind.DESIGN, title="Still a design")


def test_a_design_draft_without_phases_may_become_an_ideation():
    project, sponsor = sponsor_project()
    services.project_update(project=project, by=sponsor, kind=ProjectKind.IDEATION)
    project.refresh_from_db()
    assert project.kind == ProjectKind.IDEATION


def test_the_api_refuses_phases_on_an_rfp_with_a_problem():
    project, sponsor = sponsor_project(kind=ProjectKind.RFP)
    client = APIClient()
    client.force_login(sponsor)
    response = client.post(
        f"/api/v1/projects/{project.pk}/phases/",
        {"name": "Qualifying", "deadline": _deadline().isoformat()},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "phases_design_only"


def test_the_page_offers_no_phases_on_an_ideation_and_refuses_a_posted_one(client):
    project, sponsor = sponsor_project(kind=ProjectKind.IDEATION)
    client.force_login(sponsor)
    page = client.get(project.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-testid="phases-design-only"' in page
    assert 'data-testid="phase-form"' not in page
    response = client.post(
        reverse("projects:phase-add", args=[project.pk]),
        {"name": "Qualifying", "deadline": _deadline().strftime("%Y-%m-%dT%H:%M")},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert any("Phases are for design challenges" in message for message in shown), shown
    assert not Phase.objects.filter(project=project).exists()
    design, design_sponsor = sponsor_project()
    client.force_login(design_sponsor)
    assert 'data-testid="phase-form"' in client.get(design.get_absolute_url()).content.decode()
