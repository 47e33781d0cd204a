"""The identity services as a specification: registering firms, changing them, inviting people,
their roles, and a firm that always keeps an owner."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, DomainError, NotAllowed, NotFound
from platform_.identity import services
from platform_.identity.models import Capability, FirmInvitation, FirmMember, FirmRole, Sector
from tests.factories import CapabilityFactory, UserFactory, firm_with_owner, make_credit_code, person_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english() -> Iterator[None]:
    """Messages are matched in English; the default language is Chinese."""
    with translation.override("en"):
        yield


def sector() -> Sector:
    first = Sector.objects.order_by("code").first()
    assert first is not None
    return first


def register(by, **fields):
    values: dict[str, Any] = {
        "credit_code": make_credit_code(990),
        "province": "33",
        "city": "绍兴",
        "name_zh": "绍兴纺机",
        "sectors": [sector()],
    }
    values.update(fields)
    return services.firm_create(by=by, **values)


# Registering


def test_registering_a_firm_makes_the_person_its_owner(user) -> None:
    cap = CapabilityFactory.create()
    firm = register(user, capabilities=[cap], needs=[CapabilityFactory.create()])
    assert FirmMember.objects.get(firm=firm).role == FirmRole.OWNER
    assert list(firm.capabilities.all()) == [cap]
    assert list(firm.sectors.all()) == [sector()]
    assert AuditEntry.objects.filter(action="firm.create", firm_id=firm.pk, actor=user).exists()


def test_a_lower_case_credit_code_is_stored_in_capitals(user) -> None:
    code = make_credit_code(991)
    firm = register(user, credit_code=f" {code.lower()} ")
    assert firm.credit_code == code


def test_an_invalid_credit_code_is_refused_with_the_reason(user) -> None:
    code = make_credit_code(992)
    wrong_check = code[:17] + ("0" if code[17] != "0" else "1")
    with pytest.raises(ValidationError) as caught:
        register(user, credit_code=wrong_check)
    assert "credit_code" in caught.value.message_dict
    assert "check character" in caught.value.message_dict["credit_code"][0]


def test_a_registered_credit_code_is_a_conflict(user) -> None:
    register(user)
    with pytest.raises(Conflict, match="already registered") as caught:
        register(UserFactory.create(), name_zh="另一家")
    assert caught.value.field == "credit_code"


def test_a_firm_needs_a_name(user) -> None:
    with pytest.raises(ValidationError):
        register(user, name_zh="", name_en="")


# Changing a firm


@pytest.mark.parametrize("role", [FirmRole.OWNER, FirmRole.ADMIN])
def test_owners_and_administrators_change_the_profile(role: str) -> None:
    firm, _owner = firm_with_owner()
    manager = person_in(firm, role)
    cap = Capability.objects.create(code="test.weaving", name_zh="织造", name_en="Weaving")
    services.firm_update(firm=firm, by=manager, city="宁波", capabilities=[cap])
    firm.refresh_from_db()
    assert firm.city == "宁波"
    assert list(firm.capabilities.all()) == [cap]
    entry = AuditEntry.objects.get(action="firm.update")
    assert entry.data == {"fields": ["city", "capabilities"]}


def test_a_plain_member_or_an_outsider_cannot_change_the_profile() -> None:
    firm, _owner = firm_with_owner()
    _other, outsider = firm_with_owner()
    for person in (person_in(firm, FirmRole.MEMBER), outsider):
        with pytest.raises(NotAllowed):
            services.firm_update(firm=firm, by=person, city="宁波")
    firm.refresh_from_db()
    assert firm.city == "杭州"


# Invitations


def test_an_administrator_invites_a_member_and_the_email_goes_after_commit(django_capture_on_commit_callbacks):
    firm, _owner = firm_with_owner()
    admin = person_in(firm, FirmRole.ADMIN)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(firm=firm, by=admin, email=" New.Person@Example.TEST ")
    assert (invitation.email, invitation.role, invitation.invited_by) == (
        "new.person@example.test",
        FirmRole.MEMBER,
        admin,
    )
    assert invitation.is_open
    assert [message.to for message in mail.outbox] == [["new.person@example.test"]]
    assert AuditEntry.objects.filter(action="firm.invite", firm_id=firm.pk).exists()


def test_only_an_owner_invites_an_owner() -> None:
    firm, owner = firm_with_owner()
    admin = person_in(firm, FirmRole.ADMIN)
    with pytest.raises(NotAllowed, match="owner"):
        services.invitation_create(firm=firm, by=admin, email="x@example.test", role=FirmRole.OWNER)
    assert services.invitation_create(firm=firm, by=owner, email="x@example.test", role=FirmRole.OWNER).role == "owner"


def test_a_member_cannot_invite() -> None:
    firm, _owner = firm_with_owner()
    with pytest.raises(NotAllowed):
        services.invitation_create(firm=firm, by=person_in(firm), email="x@example.test")


def test_inviting_someone_already_in_the_firm_is_a_conflict() -> None:
    firm, owner = firm_with_owner()
    member = person_in(firm)
    with pytest.raises(Conflict, match="already a member"):
        services.invitation_create(firm=firm, by=owner, email=member.email.upper())


def test_an_unknown_role_is_refused() -> None:
    firm, owner = firm_with_owner()
    with pytest.raises(DomainError, match="Unknown role"):
        services.invitation_create(firm=firm, by=owner, email="x@example.test", role="emperor")


def test_accepting_an_invitation_joins_the_firm_with_its_role() -> None:
    firm, owner = firm_with_owner()
    invitation = services.invitation_create(firm=firm, by=owner, email="joiner@example.test", role=FirmRole.ADMIN)
    joiner = UserFactory.create(email="joiner@example.test")
    member = services.invitation_accept(token=invitation.token, by=joiner)
    assert (member.firm, member.role) == (firm, FirmRole.ADMIN)
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    with pytest.raises(NotFound):  # used once
        services.invitation_accept(token=invitation.token, by=joiner)


def test_an_invitation_is_for_its_addressee_only() -> None:
    firm, owner = firm_with_owner()
    invitation = services.invitation_create(firm=firm, by=owner, email="joiner@example.test")
    with pytest.raises(NotAllowed, match="another e-mail"):
        services.invitation_accept(token=invitation.token, by=UserFactory.create())
    assert not FirmMember.objects.filter(firm=firm).exclude(user=owner).exists()


def test_an_expired_or_revoked_invitation_cannot_be_used() -> None:
    firm, owner = firm_with_owner()
    joiner = UserFactory.create(email="joiner@example.test")
    expired = services.invitation_create(firm=firm, by=owner, email=joiner.email)
    FirmInvitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(NotFound):
        services.invitation_accept(token=expired.token, by=joiner)
    revoked = services.invitation_create(firm=firm, by=owner, email=joiner.email)
    FirmInvitation.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())
    with pytest.raises(NotFound):
        services.invitation_accept(token=revoked.token, by=joiner)
    with pytest.raises(NotFound):
        services.invitation_accept(token="no-such-token", by=joiner)


# Roles


def test_an_owner_promotes_and_demotes() -> None:
    firm, owner = firm_with_owner()
    person = person_in(firm)
    member = FirmMember.objects.get(user=person)
    services.member_set_role(member=member, by=owner, role=FirmRole.OWNER)
    services.member_set_role(member=FirmMember.objects.get(user=owner), by=person, role=FirmRole.MEMBER)
    assert FirmMember.objects.get(user=owner).role == FirmRole.MEMBER
    assert AuditEntry.objects.filter(action="firm.role").count() == 2


def test_the_last_owner_cannot_step_down() -> None:
    _firm, owner = firm_with_owner()
    with pytest.raises(Conflict, match="at least one owner"):
        services.member_set_role(member=FirmMember.objects.get(user=owner), by=owner, role=FirmRole.ADMIN)
    assert FirmMember.objects.get(user=owner).role == FirmRole.OWNER


def test_an_administrator_neither_grants_nor_takes_ownership() -> None:
    firm, owner = firm_with_owner()
    admin = person_in(firm, FirmRole.ADMIN)
    member = FirmMember.objects.get(user=person_in(firm))
    with pytest.raises(NotAllowed):
        services.member_set_role(member=member, by=admin, role=FirmRole.OWNER)
    with pytest.raises(NotAllowed):
        services.member_set_role(member=FirmMember.objects.get(user=owner), by=admin, role=FirmRole.MEMBER)
    assert services.member_set_role(member=member, by=admin, role=FirmRole.ADMIN).role == FirmRole.ADMIN


def test_a_member_cannot_change_roles() -> None:
    firm, _owner = firm_with_owner()
    member = person_in(firm)
    with pytest.raises(NotAllowed):
        services.member_set_role(member=FirmMember.objects.get(user=member), by=member, role=FirmRole.ADMIN)


def test_setting_an_unknown_role_is_refused() -> None:
    firm, owner = firm_with_owner()
    member = FirmMember.objects.get(user=person_in(firm))
    with pytest.raises(DomainError, match="Unknown role"):
        services.member_set_role(member=member, by=owner, role="emperor")


# Leaving and removing


def test_a_member_may_leave() -> None:
    firm, _owner = firm_with_owner()
    member = person_in(firm)
    services.member_remove(member=FirmMember.objects.get(user=member), by=member)
    assert not FirmMember.objects.filter(user=member).exists()
    assert AuditEntry.objects.filter(action="firm.leave", firm_id=firm.pk).exists()


def test_the_last_owner_cannot_leave_or_be_removed() -> None:
    firm, owner = firm_with_owner()
    with pytest.raises(Conflict, match="at least one owner"):
        services.member_remove(member=FirmMember.objects.get(user=owner), by=owner)
    second = person_in(firm, FirmRole.OWNER)
    services.member_remove(member=FirmMember.objects.get(user=owner), by=second)
    assert list(FirmMember.objects.filter(firm=firm).values_list("user", flat=True)) == [second.pk]


def test_only_an_owner_removes_an_owner_and_members_remove_nobody() -> None:
    firm, owner = firm_with_owner()
    person_in(firm, FirmRole.OWNER)
    admin = person_in(firm, FirmRole.ADMIN)
    member = person_in(firm)
    with pytest.raises(NotAllowed):
        services.member_remove(member=FirmMember.objects.get(user=owner), by=admin)
    with pytest.raises(NotAllowed):
        services.member_remove(member=FirmMember.objects.get(user=admin), by=member)
    services.member_remove(member=FirmMember.objects.get(user=member), by=admin)
    assert FirmMember.objects.filter(firm=firm).count() == 3
