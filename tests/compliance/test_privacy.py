"""Filings in the footer, the recorded policy, consent at sign-up and before sharing, withdrawal, deletion, closing."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import DatabaseError, transaction
from django.test import override_settings
from django.urls import reverse

from platform_.audit.models import AuditEntry
from platform_.audit.services import audit_record
from platform_.compliance import selectors, services
from platform_.compliance.models import Consent, PolicyVersion, Purpose
from platform_.identity.models import Firm, FirmMember, FirmRole, User
from tests.agencies.conftest import land  # noqa: F401 (fixture)
from tests.api.factories import bearer, issue_key
from tests.factories import FirmMemberFactory, UserFactory, firm_with_owner

pytestmark = pytest.mark.django_db
API = "/api/v1"
SIGN_UP = {
    "email": "consenting.person@example.test",
    "display_name": "王芳",
    "language": "zh-hans",
    "password1": "a-Long-pass-4821",
    "password2": "a-Long-pass-4821",
}


@override_settings(ICP_FILING_NUMBER="浙ICP备12345678号-1", PSB_FILING_NUMBER="浙公网安备 33010602000001号")
def test_every_page_shows_the_filings_with_their_links(client: Any) -> None:
    for path in ("/", reverse("account_login"), reverse("compliance:policy")):
        page = client.get(path).text
        assert '<a href="https://beian.miit.gov.cn/"' in page
        assert "浙ICP备12345678号-1" in page
        assert "https://beian.mps.gov.cn/#/query/webSearch?code=33010602000001" in page
        assert "浙公网安备 33010602000001号" in page


def test_without_filings_the_footer_shows_none(client: Any) -> None:
    page = client.get("/").text
    assert "beian" not in page
    assert reverse("compliance:policy") in page


def test_the_policy_is_published_with_its_hash_and_old_versions_stay_readable(client: Any) -> None:
    first = selectors.policy_current()
    assert first.sha256 == selectors.policy_hash(text_zh=first.text_zh, text_en=first.text_en)
    second = PolicyVersion.objects.create(
        version="2027-01", text_zh="新政策", text_en="New policy", sha256="0" * 64, published_at=first.published_at
    )
    PolicyVersion.objects.filter(pk=second.pk).update(published_at=first.published_at.replace(year=2099))
    assert selectors.policy_current() == first  # not yet published
    page = client.get(reverse("compliance:policy-version", args=[first.version]), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert first.sha256 in page.text
    assert client.get(reverse("compliance:policy-version", args=["2027-01"])).status_code == 404


def test_sign_up_without_the_consent_box_ticked_is_refused(client: Any) -> None:
    page = client.get(reverse("account_signup")).text
    assert 'name="privacy_consent"' in page
    assert 'name="privacy_consent" checked' not in page  # never ticked for the person
    response = client.post(reverse("account_signup"), SIGN_UP)
    assert response.status_code == 200
    assert response.context["form"].errors["privacy_consent"]
    assert not User.objects.filter(email=SIGN_UP["email"]).exists()


def test_sign_up_with_consent_records_purpose_policy_hash_time_and_client(client: Any) -> None:
    response = client.post(
        reverse("account_signup"), {**SIGN_UP, "privacy_consent": "on"}, HTTP_USER_AGENT="TestBrowser/1.0"
    )
    assert response.status_code == 302
    consent = Consent.objects.get(user__email=SIGN_UP["email"])
    policy = selectors.policy_current()
    assert (consent.purpose, consent.policy, consent.policy_sha256) == (Purpose.ACCOUNT, policy, policy.sha256)
    assert consent.client_agent == "TestBrowser/1.0"
    assert consent.client_ip == "127.0.0.1"
    assert consent.given_at is not None
    assert consent.withdrawn_at is None


def _people(client: Any, token: str, firm: Firm) -> dict[int, dict[str, Any]]:
    body = client.get(f"{API}/firms/{firm.pk}/people/", **bearer(token)).json()
    return {row["user"]["id"]: row["user"] for row in body["results"]}


def test_partner_api_gives_a_persons_fields_only_with_their_consent_and_withholds_them_after_withdrawal(
    client: Any,
) -> None:
    firm, owner = firm_with_owner()
    colleague = FirmMemberFactory.create(firm=firm).user
    issued = issue_key(firm=firm, by=owner)
    people = _people(client, issued.token, firm)
    assert people[colleague.pk] == {"id": colleague.pk, "email": "", "display_name": "", "withheld": True}

    services.consent_give(user=colleague, purpose=Purpose.PARTNERS)
    people = _people(client, issued.token, firm)
    assert people[colleague.pk]["email"] == colleague.email
    assert people[colleague.pk]["withheld"] is False

    services.consent_withdraw(user=colleague, purpose=Purpose.PARTNERS)
    people = _people(client, issued.token, firm)
    assert people[colleague.pk] == {"id": colleague.pk, "email": "", "display_name": "", "withheld": True}
    # The firm's own people in the browser session are not a partner: they see their colleagues.
    client.force_login(owner)
    body = client.get(f"{API}/firms/{firm.pk}/people/").json()
    assert {row["user"]["email"] for row in body["results"]} >= {colleague.email}


def test_a_partner_outside_the_mainland_needs_the_separate_cross_border_consent(client: Any) -> None:
    firm, owner = firm_with_owner(province="81", city="香港")
    issued = issue_key(firm=firm, by=owner)
    services.consent_give(user=owner, purpose=Purpose.PARTNERS)
    assert _people(client, issued.token, firm)[owner.pk]["withheld"] is True
    services.consent_give(user=owner, purpose=Purpose.CROSS_BORDER)
    assert _people(client, issued.token, firm)[owner.pk]["email"] == owner.email


def test_an_agency_sees_a_proposers_contact_only_with_consent_and_not_after_withdrawal(
    client: Any,
    land: dict[str, Any],  # noqa: F811
) -> None:
    proposer = land["zj"][1][1]
    cluster = land["proposed_zj"]
    cluster.proposer = proposer
    cluster.save(update_fields=["proposer"])
    client.force_login(land["officer"])
    url = f"/agencies/{land['agency'].pk}/"
    page = client.get(url).text
    assert proposer.email not in page
    assert 'data-testid="proposer-withheld"' in page

    services.consent_give(user=proposer, purpose=Purpose.AGENCIES)
    page = client.get(url).text
    assert proposer.email in page
    assert 'data-testid="proposer-contact"' in page

    client.force_login(proposer)
    client.post(reverse("compliance:mine"), {"purpose": Purpose.AGENCIES})
    assert not Consent.objects.filter(user=proposer, purpose=Purpose.AGENCIES, withdrawn_at=None).exists()
    client.force_login(land["officer"])
    assert proposer.email not in client.get(url).text


def test_consents_are_given_and_withdrawn_on_the_persons_page(client: Any) -> None:
    person = UserFactory.create()
    client.force_login(person)
    client.post(reverse("compliance:mine"), {"purpose": Purpose.PARTNERS, "give": "on"})
    assert selectors.consents_active(user=person).keys() == {Purpose.PARTNERS}
    client.post(reverse("compliance:mine"), {"purpose": Purpose.PARTNERS})
    assert selectors.consents_active(user=person) == {}
    history = client.get(reverse("compliance:mine")).text
    assert history.count("<li>") >= 1
    assert Consent.objects.filter(user=person).count() == 1  # the record stays, withdrawn


def test_deleting_an_account_removes_personal_data_and_keeps_audit_rows_anonymised(client: Any) -> None:
    firm, owner = firm_with_owner()
    person = FirmMemberFactory.create(firm=firm, role=FirmRole.MEMBER).user
    email, name = person.email, person.display_name
    services.consent_give(user=person, purpose=Purpose.PARTNERS)
    entry = audit_record(actor=person, action="firm.update", target=firm, firm=firm)
    about = audit_record(actor=owner, action="person.note", target=person, firm=firm)
    client.force_login(person)
    response = client.post(reverse("compliance:delete"), {"confirm": "DELETE"})
    assert response.status_code == 302

    person.refresh_from_db()
    assert email not in person.email
    assert person.display_name != name
    assert not person.is_active
    assert not person.has_usable_password()
    assert not FirmMember.objects.filter(user=person).exists()
    assert not Consent.objects.filter(user=person, withdrawn_at=None).exists()
    assert not Consent.objects.filter(user=person).exclude(client_ip=None).exists()
    entry.refresh_from_db()
    about.refresh_from_db()
    assert (entry.action, entry.actor_email, entry.firm_id) == ("firm.update", "", firm.pk)
    assert email not in about.target_repr
    assert name not in about.target_repr
    assert AuditEntry.objects.filter(action="account.delete", target_id=str(person.pk)).exists()
    for row in AuditEntry.objects.all():
        assert email not in (row.actor_email + row.target_repr)
    assert not client.login(email=email, password="pass-word-123")


def test_the_audit_log_still_refuses_any_other_change() -> None:
    firm, owner = firm_with_owner()
    entry = audit_record(actor=owner, action="firm.update", target=firm, firm=firm)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(actor_email="")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(action="other")


def test_the_last_owner_closes_the_firm_before_deleting_the_account(client: Any) -> None:
    _firm, owner = firm_with_owner()
    client.force_login(owner)
    response = client.post(reverse("compliance:delete"), {"confirm": "DELETE"})
    assert response.status_code == 200
    assert User.objects.get(pk=owner.pk).is_active


def test_an_owner_closes_the_firm_and_nobody_else_may(client: Any) -> None:
    firm, owner = firm_with_owner()
    admin = FirmMemberFactory.create(firm=firm, role=FirmRole.ADMIN).user
    client.force_login(admin)
    assert client.post(reverse("compliance:firm-close", args=[firm.pk]), {"confirm": "CLOSE"}).status_code == 404
    client.force_login(owner)
    response = client.post(reverse("compliance:firm-close", args=[firm.pk]), {"confirm": "CLOSE"})
    assert response.status_code == 302
    firm.refresh_from_db()
    assert not firm.is_active
    assert not FirmMember.objects.filter(firm=firm).exists()
    assert AuditEntry.objects.filter(action="firm.close", firm_id=firm.pk).exists()
    assert admin.notifications.filter(kind="firm.closed").exists()
    # With the firm closed, its former owner may delete the account.
    assert client.post(reverse("compliance:delete"), {"confirm": "DELETE"}).status_code == 302


def test_the_operator_publishes_a_version_in_the_admin_with_its_hash(client: Any) -> None:
    admin = UserFactory.create(is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.post(
        reverse("admin:compliance_policyversion_add"),
        {
            "version": "2027-01",
            "text_zh": "运营者的政策",
            "text_en": "The operator's policy",
            "published_at_0": "2026-12-01",
            "published_at_1": "00:00:00",
        },
    )
    assert response.status_code == 302
    version = PolicyVersion.objects.get(version="2027-01")
    assert version.sha256 == selectors.policy_hash(text_zh="运营者的政策", text_en="The operator's policy")
    assert selectors.policy_current() == version
