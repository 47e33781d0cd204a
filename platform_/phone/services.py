"""Signing in and up with a mobile number and an SMS code: codes sent within limits, checked once, accounts made.

Limits (``PHONE_SMS_LIMITS``, counted in Redis): per number one code a minute, five an hour and ten a
day; per client address twenty an hour. A code lives five minutes and allows five tries.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from platform_.audit.services import audit_record
from platform_.errors import DomainError
from platform_.identity.models import User
from platform_.phone.models import PhoneNumber, SmsCode
from platform_.phone.numbers import phone_normalise
from platform_.phone.sms import Sms, SmsNotSent, sms_backend

CODE_LIFETIME = timedelta(minutes=5)
CODE_TRIES = 5
# (scope, how many, per how many seconds)
DEFAULT_LIMITS: tuple[tuple[str, int, int], ...] = (
    ("number", 1, 60),
    ("number", 5, 3600),
    ("number", 10, 86400),
    ("client", 20, 3600),
)
# Phone-only accounts need a unique e-mail in this user model; a reserved, never-delivered domain (RFC 2606).
PLACEHOLDER_DOMAIN = "phone.invalid"


class TooManyCodes(DomainError):
    """A limit on codes was reached; ``retry_after`` says in how many seconds to try again."""

    status_code = 429

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            _("Too many codes requested. Try again in %(seconds)s seconds.") % {"seconds": retry_after},
            code="throttled",
            field="number",
        )
        self.retry_after = retry_after


def _limits() -> tuple[tuple[str, int, int], ...]:
    return tuple(getattr(settings, "PHONE_SMS_LIMITS", None) or DEFAULT_LIMITS)


def _take(*, number: str, client: str) -> None:
    """Count one code against every window, refusing (and counting nothing) if any is full."""
    now = int(timezone.now().timestamp())
    keys = []
    for scope, count, seconds in _limits():
        who = number if scope == "number" else client or "unknown"
        bucket = now // seconds
        key = f"phone:sms:{scope}:{who}:{seconds}:{bucket}"
        used = cache.get(key, 0)
        if used >= count:
            raise TooManyCodes(retry_after=(bucket + 1) * seconds - now)
        keys.append((key, seconds))
    for key, seconds in keys:
        if not cache.add(key, 1, timeout=seconds + 5):
            cache.incr(key)


def _hash(number: str, code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"{number}:{code}".encode(), hashlib.sha256).hexdigest()


def sms_code_send(*, number: str, client: str, language: str = "") -> str:
    """Send a fresh six-digit code to the number (within the limits); returns the number in +86 form."""
    normalised = phone_normalise(number)
    _take(number=normalised, client=client)
    code = f"{secrets.randbelow(1_000_000):06d}"
    SmsCode.objects.create(
        number=normalised,
        code_hash=_hash(normalised, code),
        client=client[:64],
        expires_at=timezone.now() + CODE_LIFETIME,
    )
    try:
        sms_backend().send(Sms(number=normalised, code=code, language=language or settings.LANGUAGE_CODE))
    except SmsNotSent as exc:
        raise DomainError(_("The code could not be sent. Please try again later."), field="number") from exc
    return normalised


@transaction.atomic
def sms_code_check(*, number: str, code: str) -> bool:
    """Whether ``code`` is the number's latest live code; a right code is used up, wrong tries are counted."""
    latest = (
        SmsCode.objects.select_for_update()
        .filter(number=number, used_at__isnull=True, expires_at__gt=timezone.now())
        .order_by("-id")
        .first()
    )
    if latest is None or latest.attempts >= CODE_TRIES:
        return False
    latest.attempts += 1
    right = hmac.compare_digest(latest.code_hash, _hash(number, (code or "").strip()))
    if right:
        latest.used_at = timezone.now()
    latest.save(update_fields=["attempts", "used_at"])
    return right


def phone_account(*, number: str) -> User | None:
    """The person who signs in with this (verified) number, if any."""
    phone = PhoneNumber.objects.select_related("user").filter(number=number, user__is_active=True).first()
    return phone.user if phone is not None else None


@transaction.atomic
def phone_sign_up(*, number: str, display_name: str, language: str) -> User:
    """A new person known by a verified number; no e-mail yet, so no e-mails until they add one."""
    if PhoneNumber.objects.filter(number=number).exists():
        raise DomainError(_("This mobile number already belongs to an account."), field="number")
    user = get_user_model().objects.create_user(
        email=f"{number.removeprefix('+')}@{PLACEHOLDER_DOMAIN}",
        password=None,
        display_name=display_name,
        language=language,
        email_notifications=False,
    )
    phone = PhoneNumber.objects.create(user=user, number=number, verified_at=timezone.now())
    audit_record(actor=user, action="phone.sign_up", target=phone)
    return user


@transaction.atomic
def phone_link(*, user: User, number: str) -> PhoneNumber:
    """Give an existing person a verified number (replacing theirs), if no one else signs in with it."""
    taken = PhoneNumber.objects.filter(number=number).exclude(user=user).exists()
    if taken:
        raise DomainError(_("This mobile number already belongs to an account."), field="number")
    try:
        phone, _created = PhoneNumber.objects.update_or_create(
            user=user, defaults={"number": number, "verified_at": timezone.now()}
        )
    except IntegrityError as exc:  # a concurrent link of the same number
        raise DomainError(_("This mobile number already belongs to an account."), field="number") from exc
    audit_record(actor=user, action="phone.link", target=phone)
    return phone


def has_placeholder_email(user: User) -> bool:
    return user.email.endswith("@" + PLACEHOLDER_DOMAIN)
