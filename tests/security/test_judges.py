"""Judges' independence (issue 13, point 4): no rival on the panel, and a judge never opens an entry
they may not score."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from knowledge.models import Asset, AssetOwnership
from platform_.audit.models import AuditEntry
from platform_.errors import NotAllowed
from platform_.identity.models import FirmMember, FirmRole
from projects import selectors, services
from projects.models import Judge
from tests.factories import UserFactory, firm_with_owner
from tests.projects.factories import judging, open_project, solver, upload

pytestmark = pytest.mark.django_db


def _api(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def _entered(project):
    firm, owner = solver(project)
    services.entry_submit(project=project, by=owner, firm=firm, files=[upload()])
    return firm, owner


def test_a_person_of_a_firm_with_an_entry_cannot_be_made_a_judge():
    project, sponsor = open_project()
    firm, _owner = _entered(project)
    person = UserFactory.create()
    FirmMember.objects.create(firm=firm, user=person, role=FirmRole.MEMBER)
    with pytest.raises(NotAllowed) as refused:
        services.judge_add(project=project, by=sponsor, user=person)
    assert refused.value.code == "judge_conflict"
    assert not Judge.objects.filter(project=project, user=person).exists()


def test_a_person_of_a_partner_firm_of_an_entering_team_cannot_be_made_a_judge():
    project, sponsor = open_project()
    lead, lead_owner = solver(project)
    partner, partner_owner = solver(project)
    team = services.team_create(project=project, by=lead_owner, firm=lead, partners=[(partner, Decimal("0.3"))])
    services.team_invitation_decide(invitation=team.invitations.get(), by=partner_owner, accept=True)
    services.entry_submit(project=project, by=lead_owner, firm=lead, files=[upload()])
    with pytest.raises(NotAllowed):
        services.judge_add(project=project, by=sponsor, user=partner_owner)


def test_the_api_refuses_a_rival_judge_with_a_clear_problem():
    project, sponsor = open_project()
    _firm, owner = _entered(project)
    response = _api(sponsor).post(f"/api/v1/projects/{project.pk}/judges/", {"email": owner.email}, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "judge_conflict"
    assert not Judge.objects.filter(project=project, user=owner).exists()


def test_the_page_refuses_a_rival_judge_with_a_message(client):
    project, sponsor = open_project()
    _firm, owner = _entered(project)
    client.force_login(sponsor)
    response = client.post(reverse("projects:judge-add", args=[project.pk]), {"email": owner.email}, follow=True)
    assert response.status_code == 200
    assert any(m.level_tag == "error" for m in response.context["messages"])
    assert not Judge.objects.filter(project=project, user=owner).exists()


def test_a_firm_with_a_person_on_the_panel_cannot_submit_an_entry():
    project, sponsor = open_project()
    firm, owner = solver(project)
    person = UserFactory.create()
    FirmMember.objects.create(firm=firm, user=person, role=FirmRole.MEMBER)
    services.judge_add(project=project, by=sponsor, user=person)
    with pytest.raises(NotAllowed) as refused:
        services.entry_submit(project=project, by=owner, firm=firm, files=[upload()])
    assert refused.value.code == "judge_conflict"
    assert not project.entries.exists()


def test_adding_a_judge_once_entries_exist_is_recorded_in_the_audit_trail():
    project, sponsor = open_project()
    _entered(project)
    _entered(project)
    late = UserFactory.create()
    services.judge_add(project=project, by=sponsor, user=late)
    record = AuditEntry.objects.get(action="project.judge_add_late")
    assert record.data["entries"] == 2
    assert record.data["user"] == late.pk


def _declared():
    data = judging(2)
    project = data["project"]
    entry = project.entries.order_by("id").first()
    services.conflict_declare(project=project, by=data["judge"], team=entry.team, reason="Former employer")
    return data, project, entry


def test_a_judge_with_a_declared_conflict_cannot_open_the_entry_page_or_its_files(client):
    data, project, entry = _declared()
    client.force_login(data["judge"])
    assert client.get(entry.get_absolute_url()).status_code == 404
    row = entry.latest.files.get()
    file_url = reverse("projects:entry-file", args=[project.pk, entry.pk, row.pk])
    assert client.get(file_url).status_code == 404
    receipt = reverse("projects:receipt", args=[project.pk, entry.pk, 1])
    assert client.get(receipt).status_code == 404


def test_a_judge_with_a_declared_conflict_cannot_read_the_entry_through_the_api():
    data, project, entry = _declared()
    client = _api(data["judge"])
    assert client.get(f"/api/v1/projects/{project.pk}/entries/{entry.pk}/").status_code == 404
    listed = {row["id"] for row in client.get(f"/api/v1/projects/{project.pk}/entries/").json()}
    assert entry.pk not in listed
    assert len(listed) == 1  # the other entry is still there to score


def test_a_judge_with_an_ownership_tie_does_not_see_that_entry():
    data = judging(2)
    project = data["project"]
    entry = project.entries.order_by("id").first()
    judge_firm, _ = firm_with_owner()
    FirmMember.objects.create(firm=judge_firm, user=data["judge"], role=FirmRole.MEMBER)
    asset = Asset.objects.create(title_en="Shared jig")
    AssetOwnership.objects.create(asset=asset, firm=judge_firm, share=Decimal("0.5"))
    AssetOwnership.objects.create(asset=asset, firm=entry.team.lead, share=Decimal("0.5"))
    visible = selectors.sealed_entries_visible_to(user=data["judge"], project=project)
    assert entry.pk not in set(visible.values_list("pk", flat=True))
    assert visible.count() == 1
