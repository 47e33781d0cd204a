"""Phone sign-up and sign-in through the outbox SMS backend: numbers in +86 form, codes used once, limits."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import override_settings

from platform_.audit.models import AuditEntry
from platform_.compliance.models import Consent, Purpose
from platform_.errors import DomainError
from platform_.phone import services
from platform_.phone.models import PhoneNumber, SmsCode
from platform_.phone.numbers import phone_normalise
from platform_.phone.sms import outbox
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _clean_outbox_and_counters():
    outbox.clear()
    cache.clear()  # the limits' counters
    yield
    outbox.clear()


def _clear_counters() -> None:
    cache.clear()


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+8613812345678",
        "008613812345678",
        "8613812345678",
        "１３８１２３４５６７８",
        "(+86) 138.1234.5678",
    ],
)
def test_numbers_are_normalised_to_plus_86(raw):
    assert phone_normalise(raw) == "+8613812345678"


@pytest.mark.parametrize("raw", ["", "12812345678", "1381234567", "+1 415 555 0100", "010-12345678", "abc"])
def test_other_numbers_are_refused(raw):
    with pytest.raises(DomainError):
        phone_normalise(raw)


def _ask(client, number="138 1234 5678", **extra):
    return client.post("/accounts/phone/", {"number": number}, **extra)


def test_a_new_number_signs_up_with_its_code_and_a_name(client, db):
    response = _ask(client)
    assert response.status_code == 302
    [sms] = outbox
    assert sms.number == "+8613812345678"
    assert len(sms.code) == 6
    assert sms.code.isdigit()
    assert not SmsCode.objects.filter(code_hash__contains=sms.code).exists()  # only a keyed hash is kept
    response = client.post("/accounts/phone/code/", {"code": sms.code})
    assert response.url == "/accounts/phone/welcome/"
    response = client.post("/accounts/phone/welcome/", {"display_name": "王小明", "language": "zh-hans"})
    assert response.status_code == 200  # the unticked consent box: no account without consent
    assert "privacy_consent" in response.context["form"].errors
    assert not PhoneNumber.objects.exists()
    response = client.post(
        "/accounts/phone/welcome/", {"display_name": "王小明", "language": "zh-hans", "privacy_consent": "on"}
    )
    assert response.status_code == 302
    phone = PhoneNumber.objects.select_related("user").get()
    assert Consent.objects.filter(user=phone.user, purpose=Purpose.ACCOUNT).count() == 1
    assert (phone.number, phone.user.display_name, phone.user.language) == ("+8613812345678", "王小明", "zh-hans")
    assert not phone.user.has_usable_password()
    assert not phone.user.email_notifications  # no real e-mail yet
    assert client.get("/").context["user"] == phone.user
    assert AuditEntry.objects.filter(action="phone.sign_up").count() == 1


def test_a_known_number_signs_in_with_its_code(client, db):
    user = UserFactory.create()
    PhoneNumber.objects.create(user=user, number="+8613812345678", verified_at="2026-01-01T00:00Z")
    _ask(client, "+86 13812345678")
    response = client.post("/accounts/phone/code/", {"code": outbox[-1].code})
    assert response.status_code == 302
    assert response.url == "/"
    assert client.get("/").context["user"] == user


def test_a_wrong_code_does_not_sign_in_and_a_code_allows_five_tries(client, db):
    _ask(client)
    code = outbox[-1].code
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(5):
        response = client.post("/accounts/phone/code/", {"code": wrong})
        assert response.status_code == 200
    response = client.post("/accounts/phone/code/", {"code": code})  # the right code, too late
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_code_is_used_only_once(db):
    services.sms_code_send(number="13812345678", client="1.2.3.4")
    code = outbox[-1].code
    assert services.sms_code_check(number="+8613812345678", code=code)
    assert not services.sms_code_check(number="+8613812345678", code=code)


def test_only_the_latest_code_counts(db):
    with override_settings(PHONE_SMS_LIMITS=[("number", 5, 60)]):
        services.sms_code_send(number="13812345678", client="1.2.3.4")
        services.sms_code_send(number="13812345678", client="1.2.3.4")
    first, latest = (sms.code for sms in outbox)
    if first != latest:
        assert not services.sms_code_check(number="+8613812345678", code=first)
    assert services.sms_code_check(number="+8613812345678", code=latest)


def test_one_code_a_minute_per_number(client, db):
    assert _ask(client).status_code == 302
    response = _ask(client, "+86 138 1234 5678")  # the same number, written otherwise
    assert response.status_code == 429
    assert len(outbox) == 1
    assert _ask(client, "13900001111").status_code == 302  # another number is not held up


def test_five_codes_an_hour_per_number(db):
    for second in range(5):
        with override_settings(PHONE_SMS_LIMITS=[("number", 5, 3600)]):
            services.sms_code_send(number="13812345678", client=f"10.0.0.{second}")
    with override_settings(PHONE_SMS_LIMITS=[("number", 5, 3600)]), pytest.raises(services.TooManyCodes) as refused:
        services.sms_code_send(number="13812345678", client="10.0.0.9")
    assert 0 < refused.value.retry_after <= 3600
    assert len(outbox) == 5


def test_twenty_codes_an_hour_per_client(client, db):
    for n in range(20):
        assert _ask(client, f"1390000{n:04d}").status_code == 302
    assert _ask(client, "13900009999").status_code == 429
    assert len(outbox) == 20
    other = client.__class__(REMOTE_ADDR="192.0.2.7")
    assert other.post("/accounts/phone/", {"number": "13900009999"}).status_code == 302


def test_a_signed_in_person_links_their_number(client, db):
    user = UserFactory.create()
    client.force_login(user)
    _ask(client)
    client.post("/accounts/phone/code/", {"code": outbox[-1].code})
    assert PhoneNumber.objects.get().user == user
    client.logout()
    _clear_counters()
    _ask(client)
    client.post("/accounts/phone/code/", {"code": outbox[-1].code})
    assert client.get("/").context["user"] == user  # the person now signs in by phone too


def test_a_number_of_another_person_cannot_be_linked(db):
    owner, other = UserFactory.create(), UserFactory.create()
    services.phone_link(user=owner, number="+8613812345678")
    with pytest.raises(DomainError):
        services.phone_link(user=other, number="+8613812345678")


def test_the_welcome_page_needs_a_checked_number(client, db):
    response = client.post("/accounts/phone/welcome/", {"display_name": "x", "language": "en"})
    assert response.url == "/accounts/phone/"
    assert not PhoneNumber.objects.exists()


def test_the_pages_are_in_chinese(client, db):
    response = client.get("/accounts/phone/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "手机号" in response.content.decode()
