"""Teams' consent (issue 13, point 3): naming a firm as a team partner invites it; only the firm's
owners or administrators make it a member, and only accepted membership counts anywhere."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, NotAllowed
from platform_.identity.models import FirmMember, FirmRole
from platform_.notifications.models import Notification
from projects import selectors, services
from projects.models import InvitationStatus, TeamFirm, TeamInvitation
from tests.factories import UserFactory
from tests.projects.factories import open_project, solver, upload

pytestmark = pytest.mark.django_db


def _api(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def _invited(share: str = "0.4"):
    project, sponsor = open_project()
    lead, lead_owner = solver(project)
    partner, partner_owner = solver(project)
    team = services.team_create(project=project, by=lead_owner, firm=lead, partners=[(partner, Decimal(share))])
    return project, sponsor, (lead, lead_owner), (partner, partner_owner), team


def test_naming_a_partner_does_not_make_it_a_member():
    project, _sponsor, (lead, _), (partner, _), team = _invited()
    assert set(TeamFirm.objects.filter(team=team).values_list("firm_id", "share")) == {(lead.pk, Decimal(1))}
    assert selectors.team_of(firm=partner, project=project) is None
    invitation = TeamInvitation.objects.get(team=team)
    assert (invitation.firm_id, invitation.status) == (partner.pk, InvitationStatus.PENDING)


def test_the_invited_firm_is_notified_and_the_invitation_audited():
    _project, _sponsor, _lead, (partner, partner_owner), _team = _invited()
    assert Notification.objects.filter(recipient=partner_owner, kind="project.team_invitation").exists()
    assert AuditEntry.objects.filter(action="project.team_invite", firm_id=partner.pk).exists()


def test_a_pending_partner_sees_no_entry_of_the_team():
    project, _sponsor, (lead, lead_owner), (_partner, partner_owner), _team = _invited()
    services.entry_submit(project=project, by=lead_owner, firm=lead, files=[upload()])
    assert selectors.sealed_entries_visible_to(user=partner_owner, project=project).count() == 0


def test_accepting_moves_the_share_from_the_lead_and_is_audited():
    project, _sponsor, (lead, _), (partner, partner_owner), team = _invited("0.4")
    services.team_invitation_decide(invitation=team.invitations.get(), by=partner_owner, accept=True)
    shares = dict(TeamFirm.objects.filter(team=team).values_list("firm_id", "share"))
    assert shares == {lead.pk: Decimal("0.6"), partner.pk: Decimal("0.4")}
    assert selectors.team_of(firm=partner, project=project) == team
    assert AuditEntry.objects.filter(action="project.team_invitation_accept", firm_id=partner.pk).exists()


def test_declining_leaves_the_team_as_it_was():
    _project, _sponsor, (lead, lead_owner), (_partner, partner_owner), team = _invited()
    services.team_invitation_decide(invitation=team.invitations.get(), by=partner_owner, accept=False)
    assert set(TeamFirm.objects.filter(team=team).values_list("firm_id", flat=True)) == {lead.pk}
    assert Notification.objects.filter(recipient=lead_owner, kind="project.team_invitation_answer").exists()
    with pytest.raises(Conflict):
        services.team_invitation_decide(invitation=team.invitations.get(), by=partner_owner, accept=True)


def test_only_an_owner_or_administrator_of_the_invited_firm_may_answer():
    _project, _sponsor, (_lead, lead_owner), (partner, _), team = _invited()
    member = UserFactory.create()
    FirmMember.objects.create(firm=partner, user=member, role=FirmRole.MEMBER)
    invitation = team.invitations.get()
    for person in (lead_owner, member):
        with pytest.raises(NotAllowed):
            services.team_invitation_decide(invitation=invitation, by=person, accept=True)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


def test_a_pending_partner_is_no_conflict_of_interest_for_a_judge():
    project, sponsor, (lead, lead_owner), (_partner, partner_owner), _team = _invited()
    services.entry_submit(project=project, by=lead_owner, firm=lead, files=[upload()])
    judge = services.judge_add(project=project, by=sponsor, user=partner_owner)  # the firm never joined
    assert selectors.conflicts_of(judge=judge, team=lead_team(project, lead)) == []


def lead_team(project, lead):
    team = selectors.team_of(firm=lead, project=project)
    assert team is not None
    return team


def test_the_invited_firm_answers_on_the_project_page(client):
    project, _sponsor, (lead, _), (partner, partner_owner), team = _invited()
    invitation = team.invitations.get()
    client.force_login(partner_owner)
    page = client.get(project.get_absolute_url())
    assert 'data-testid="team-invitations"' in page.content.decode()
    response = client.post(
        reverse("projects:team-invitation", args=[project.pk, invitation.pk]), {"accept": "1"}, follow=True
    )
    assert response.status_code == 200
    assert set(TeamFirm.objects.filter(team=team).values_list("firm_id", flat=True)) == {lead.pk, partner.pk}


def test_the_invited_firm_answers_through_the_api():
    project, _sponsor, (_lead, lead_owner), (partner, partner_owner), team = _invited()
    base = f"/api/v1/projects/{project.pk}/team-invitations/"
    assert _api(lead_owner).get(base).json() == []
    listed = _api(partner_owner).get(base).json()
    assert [row["firm"]["id"] for row in listed] == [partner.pk]
    invitation_id = listed[0]["id"]
    assert _api(lead_owner).post(f"{base}{invitation_id}/", {"accept": True}, format="json").status_code == 404
    response = _api(partner_owner).post(f"{base}{invitation_id}/", {"accept": False}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "declined"
    assert not TeamFirm.objects.filter(team=team, firm=partner).exists()


def test_the_api_team_response_lists_only_accepted_members():
    project, _sponsor = open_project()
    lead, lead_owner = solver(project)
    partner, _ = solver(project)
    client = _api(lead_owner)
    response = client.post(
        f"/api/v1/projects/{project.pk}/teams/",
        {"name": "Co-op", "partners": [{"firm_id": partner.pk, "share": "0.5"}]},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert [m["firm"]["id"] for m in response.json()["members"]] == [lead.pk]
