"""The identity pages: home, firm registration and profile, people, invitations, firm switching, language."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clusters.models import MembershipStatus
from platform_.identity.middleware import SESSION_KEY
from platform_.identity.models import Firm, FirmInvitation, FirmMember, FirmRole
from tests.factories import (
    CapabilityFactory,
    ClusterFactory,
    FirmFactory,
    FirmMemberFactory,
    MembershipFactory,
    UserFactory,
    any_sector,
    firm_with_owner,
    make_credit_code,
)

pytestmark = pytest.mark.django_db


def _messages(response: Any) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _firm_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "name_zh": "杭州纺机有限公司",
        "name_en": "Hangzhou Textile Machinery",
        "credit_code": make_credit_code(987654),
        "province": "33",
        "city": "杭州",
        "size": "small",
        "sectors": [any_sector().pk],
        "description": "",
        "website": "",
    }
    data.update(overrides)
    return data


def test_home_explains_the_platform_to_visitors(client: Any) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Virtual industry clusters" in response.text
    assert reverse("account_signup") in response.text


def test_home_asks_a_person_without_firm_to_register_one(client: Any, user: Any) -> None:
    client.force_login(user)
    response = client.get("/")
    assert reverse("identity:firm-create") in response.text


def test_home_shows_the_firm_its_clusters_and_partners(client: Any) -> None:
    need = CapabilityFactory.create()
    firm, owner = firm_with_owner(needs=[need])
    partner = FirmFactory.create(capabilities=[need])
    cluster = ClusterFactory.create()
    MembershipFactory.create(cluster=cluster, firm=firm)
    client.force_login(owner)
    response = client.get("/")
    assert firm.name in response.text
    assert cluster.name in response.text
    assert partner.name in response.text


def test_home_lists_applications_waiting_for_a_moderator(client: Any) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    applicant = FirmFactory.create()
    MembershipFactory.create(cluster=cluster, firm=applicant, status=MembershipStatus.APPLIED, joined_at=None)
    client.force_login(moderator)
    response = client.get("/")
    assert applicant.name in response.text
    assert reverse("clusters:manage", args=[cluster.slug]) in response.text


def test_registering_a_firm_makes_the_person_its_owner(client: Any, user: Any) -> None:
    client.force_login(user)
    capability = CapabilityFactory.create()
    response = client.post(reverse("identity:firm-create"), _firm_data(needs=[capability.pk]))
    firm = Firm.objects.get(credit_code=make_credit_code(987654))
    assert response.status_code == 302
    assert response.url == firm.get_absolute_url()
    assert FirmMember.objects.get(firm=firm, user=user).role == FirmRole.OWNER
    assert list(firm.needs.all()) == [capability]
    assert client.session[SESSION_KEY] == firm.pk


def test_registration_form_offers_all_34_provinces(client: Any, user: Any) -> None:
    client.force_login(user)
    response = client.get(reverse("identity:firm-create"))
    assert response.status_code == 200
    assert response.text.count('<option value="') >= 34 + 1
    assert 'value="82"' in response.text


def test_a_wrong_credit_code_is_a_clear_field_error(client: Any, user: Any) -> None:
    client.force_login(user)
    code = make_credit_code(1)
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    response = client.post(reverse("identity:firm-create"), _firm_data(credit_code=wrong), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "The check character does not match" in response.text
    assert not Firm.objects.exists()


def test_a_registered_credit_code_is_refused_on_the_form(client: Any, user: Any) -> None:
    FirmFactory.create(credit_code=make_credit_code(987654))
    client.force_login(user)
    response = client.post(reverse("identity:firm-create"), _firm_data(), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "already registered" in response.text


def test_a_firm_needs_a_name(client: Any, user: Any) -> None:
    client.force_login(user)
    response = client.post(
        reverse("identity:firm-create"), _firm_data(name_zh="", name_en=""), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "Give the firm a Chinese or an English name." in response.text


def test_registering_requires_signing_in(client: Any) -> None:
    response = client.get(reverse("identity:firm-create"))
    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_firm_profile_is_readable_by_other_people(client: Any) -> None:
    firm, _owner = firm_with_owner()
    client.force_login(UserFactory.create())
    response = client.get(firm.get_absolute_url())
    assert response.status_code == 200
    assert firm.credit_code in response.text
    assert reverse("identity:firm-edit", args=[firm.pk]) not in response.text


def test_owner_edits_the_profile(client: Any) -> None:
    firm, owner = firm_with_owner()
    client.force_login(owner)
    data = _firm_data(city="宁波")
    data.pop("credit_code")
    response = client.post(reverse("identity:firm-edit", args=[firm.pk]), data)
    assert response.status_code == 302
    firm.refresh_from_db()
    assert firm.city == "宁波"


def test_a_plain_member_may_not_edit_the_profile(client: Any) -> None:
    member = FirmMemberFactory.create(role=FirmRole.MEMBER)
    client.force_login(member.user)
    response = client.get(reverse("identity:firm-edit", args=[member.firm.pk]))
    assert response.status_code == 403


def test_people_page_is_only_for_the_firm_people(client: Any) -> None:
    firm, owner = firm_with_owner()
    client.force_login(owner)
    assert client.get(reverse("identity:firm-people", args=[firm.pk])).status_code == 200
    client.force_login(UserFactory.create())
    assert client.get(reverse("identity:firm-people", args=[firm.pk])).status_code == 403


def test_owner_invites_a_colleague_by_email(client: Any, django_capture_on_commit_callbacks: Any) -> None:
    firm, owner = firm_with_owner()
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("identity:firm-people", args=[firm.pk]), {"email": "new@example.test", "role": "admin"}
        )
    assert response.status_code == 302
    invitation = FirmInvitation.objects.get(firm=firm)
    assert invitation.role == "admin"
    assert mail.outbox[-1].to == ["new@example.test"]
    assert reverse("identity:invitation-accept", args=[invitation.token]) in mail.outbox[-1].body


def test_a_plain_member_cannot_invite(client: Any) -> None:
    member = FirmMemberFactory.create(role=FirmRole.MEMBER)
    client.force_login(member.user)
    response = client.post(
        reverse("identity:firm-people", args=[member.firm.pk]),
        {"email": "x@example.test", "role": "member"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "Only the owner or an administrator" in response.text
    assert not FirmInvitation.objects.exists()


def test_owner_changes_a_role(client: Any) -> None:
    firm, owner = firm_with_owner()
    colleague = FirmMemberFactory.create(firm=firm, role=FirmRole.MEMBER)
    client.force_login(owner)
    response = client.post(reverse("identity:member-role", args=[firm.pk, colleague.pk]), {"role": "admin"})
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.role == FirmRole.ADMIN


def test_the_last_owner_cannot_step_down(client: Any) -> None:
    firm, owner = firm_with_owner()
    client.force_login(owner)
    member = FirmMember.objects.get(firm=firm, user=owner)
    response = client.post(
        reverse("identity:member-role", args=[firm.pk, member.pk]), {"role": "member"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 302
    assert "A firm must keep at least one owner." in _messages(response)
    member.refresh_from_db()
    assert member.role == FirmRole.OWNER


def test_owner_removes_a_colleague(client: Any) -> None:
    firm, owner = firm_with_owner()
    colleague = FirmMemberFactory.create(firm=firm, role=FirmRole.MEMBER)
    client.force_login(owner)
    response = client.post(reverse("identity:member-remove", args=[firm.pk, colleague.pk]))
    assert response.status_code == 302
    assert not FirmMember.objects.filter(pk=colleague.pk).exists()


def test_a_member_cannot_remove_a_colleague(client: Any) -> None:
    firm, _owner = firm_with_owner()
    member = FirmMemberFactory.create(firm=firm, role=FirmRole.MEMBER)
    other = FirmMemberFactory.create(firm=firm, role=FirmRole.MEMBER)
    client.force_login(member.user)
    response = client.post(reverse("identity:member-remove", args=[firm.pk, other.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert any("Only the owner or an administrator" in text for text in _messages(response))
    assert FirmMember.objects.filter(pk=other.pk).exists()


def test_role_change_needs_post(client: Any) -> None:
    firm, owner = firm_with_owner()
    client.force_login(owner)
    member = FirmMember.objects.get(firm=firm, user=owner)
    assert client.get(reverse("identity:member-role", args=[firm.pk, member.pk])).status_code == 405


def test_accepting_an_invitation_joins_the_firm(client: Any) -> None:
    firm, owner = firm_with_owner()
    invitee = UserFactory.create()
    invitation = FirmInvitation.objects.create(firm=firm, email=invitee.email, role="member", invited_by=owner)
    client.force_login(invitee)
    url = reverse("identity:invitation-accept", args=[invitation.token])
    assert firm.name in client.get(url).text
    response = client.post(url)
    assert response.status_code == 302
    assert FirmMember.objects.filter(firm=firm, user=invitee, role="member").exists()


def test_an_invitation_for_someone_else_is_refused(client: Any) -> None:
    firm, owner = firm_with_owner()
    invitation = FirmInvitation.objects.create(firm=firm, email="other@example.test", invited_by=owner)
    stranger = UserFactory.create()
    client.force_login(stranger)
    url = reverse("identity:invitation-accept", args=[invitation.token])
    response = client.post(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "This invitation was sent to another e-mail address." in _messages(response)
    assert not FirmMember.objects.filter(firm=firm, user=stranger).exists()


def test_an_unknown_invitation_is_a_friendly_404(client: Any, user: Any) -> None:
    client.force_login(user)
    response = client.get(reverse("identity:invitation-accept", args=["nope"]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "Invitation not found" in response.text


def test_a_person_of_two_firms_switches_between_them(client: Any) -> None:
    first, person = firm_with_owner()
    second = FirmMemberFactory.create(user=person).firm
    client.force_login(person)
    home = client.get("/")
    assert 'name="firm"' in home.text
    response = client.post(reverse("identity:firm-switch"), {"firm": second.pk, "next": "/"})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == second.pk
    assert client.get("/").context["current_firm"] == second
    assert first != second


def test_switching_to_a_foreign_firm_is_refused(client: Any) -> None:
    _mine, person = firm_with_owner()
    foreign = FirmFactory.create()
    client.force_login(person)
    client.post(reverse("identity:firm-switch"), {"firm": foreign.pk})
    assert client.session.get(SESSION_KEY) != foreign.pk


def test_people_page_query_count_does_not_grow_with_people(client: Any) -> None:
    firm, owner = firm_with_owner()
    client.force_login(owner)
    url = reverse("identity:firm-people", args=[firm.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(6):
        FirmMemberFactory.create(firm=firm, role=FirmRole.MEMBER)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.text.count("<tr>") >= 8
    assert len(many) == len(few)


@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [("en", "Cluster directory", "集群名录"), ("zh-hans", "集群名录", "Cluster directory")],
)
def test_pages_follow_the_chosen_language(client: Any, language: str, expected: str, absent: str) -> None:
    response = client.post(reverse("set_language"), {"language": language, "next": reverse("clusters:index")})
    assert response.status_code == 302
    page = client.get(reverse("clusters:index"))
    assert expected in page.text
    assert absent not in page.text
    assert f'lang="{language}"' in page.text


def test_chinese_is_the_default_language(client: Any) -> None:
    response = client.get("/")
    assert 'lang="zh-hans"' in response.text
    assert "虚拟产业集群" in response.text


def test_home_tells_administrators_of_proposed_clusters(client: Any, admin_user: Any) -> None:
    ClusterFactory.create(status="proposed")
    client.force_login(admin_user)
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert "1 proposed cluster waits for a platform administrator." in response.text


def test_home_shows_the_firms_proposals_waiting_for_approval(client: Any) -> None:
    firm, owner = firm_with_owner()
    proposal = ClusterFactory.create(status="proposed", proposed_by=firm)
    client.force_login(owner)
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert proposal.name in response.text
    assert "waiting for approval" in response.text
