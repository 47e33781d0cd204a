"""Reads of privacy: the current policy, who consented to what, and whether a person's fields may leave."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from platform_.compliance.models import Consent, PolicyVersion, Purpose

# Firms registered in these provinces are outside mainland China for the PIPL (art. 38: outbound provision).
OUTSIDE_MAINLAND = frozenset({"71", "81", "82"})
BUNDLED_VERSION = "2026-12-01"
_POLICY_DIR = Path(__file__).resolve().parent / "policy"


def policy_hash(*, text_zh: str, text_en: str) -> str:
    """The SHA-256 of both texts, so a consent names exactly what was shown."""
    return hashlib.sha256(f"zh\n{text_zh}\n\nen\n{text_en}".encode()).hexdigest()


def policy_current(now: datetime | None = None) -> PolicyVersion:
    """The latest published version; a deployment that never published one gets the bundled text."""
    now = now or timezone.now()
    current = PolicyVersion.objects.filter(published_at__lte=now).first()
    if current is not None:
        return current
    text_zh = (_POLICY_DIR / "zh.txt").read_text(encoding="utf-8")
    text_en = (_POLICY_DIR / "en.txt").read_text(encoding="utf-8")
    try:
        with transaction.atomic():
            return PolicyVersion.objects.create(
                version=BUNDLED_VERSION,
                text_zh=text_zh,
                text_en=text_en,
                sha256=policy_hash(text_zh=text_zh, text_en=text_en),
                published_at=now,
            )
    except IntegrityError:  # a concurrent first reader published it
        return PolicyVersion.objects.get(version=BUNDLED_VERSION)


def policy_versions() -> list[PolicyVersion]:
    return list(PolicyVersion.objects.filter(published_at__lte=timezone.now()))


def consents_active(*, user: Any) -> dict[str, Consent]:
    return {row.purpose: row for row in Consent.objects.filter(user=user, withdrawn_at=None).select_related("policy")}


def consent_history(*, user: Any) -> list[Consent]:
    return list(Consent.objects.filter(user=user).select_related("policy"))


def purposes_for_firm(firm: Any) -> tuple[str, ...]:
    """What a person must have consented to before their fields reach this firm's software."""
    if getattr(firm, "province", "") in OUTSIDE_MAINLAND:
        return (Purpose.PARTNERS, Purpose.CROSS_BORDER)
    return (Purpose.PARTNERS,)


def people_consenting(*, user_ids: Iterable[int | None], purposes: Iterable[str]) -> set[int]:
    """Of these people, those with an active consent to every one of the purposes (one query)."""
    wanted = set(purposes)
    ids = {pk for pk in user_ids if pk is not None}
    if not ids:
        return set()
    held: dict[int, set[str]] = {}
    rows = Consent.objects.filter(user_id__in=ids, purpose__in=wanted, withdrawn_at=None)
    for user_id, purpose in rows.values_list("user_id", "purpose"):
        held.setdefault(user_id, set()).add(purpose)
    return {pk for pk, purposes in held.items() if purposes >= wanted}


def partner_key_of(request: Any) -> Any:
    """The API key a call came with, or None for the browser and the firm's own people signed in."""
    http_request = getattr(request, "_request", request)
    return getattr(http_request, "api_key", None)


def people_shown_to(*, request: Any, user_ids: Iterable[int | None]) -> set[int] | None:
    """Whose personal fields this request may receive: None when it is not a partner's call (no restriction)."""
    key = partner_key_of(request)
    if key is None:
        return None
    return people_consenting(user_ids=user_ids, purposes=purposes_for_firm(key.firm))
