"""Mainland mobile numbers: whatever a person types, kept and compared in one form, ``+86`` and eleven digits."""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

from platform_.errors import DomainError

# Mainland mobile numbers are eleven digits starting 13–19 (MIIT numbering plan).
_MOBILE = re.compile(r"1[3-9]\d{9}")
_SEPARATORS = re.compile(r"[\s\-().\u00a0\u3000]")


def phone_normalise(raw: str) -> str:
    """``"138 1234-5678"``, ``"+86 13812345678"``, ``"008613812345678"`` → ``"+8613812345678"``."""
    text = _SEPARATORS.sub("", (raw or "").strip()).replace("＋", "+")
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))  # full-width digits from Chinese IMEs
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    elif text.startswith("86") and len(text) == 13:
        text = text[2:]
    if not _MOBILE.fullmatch(text):
        raise DomainError(_("Enter a mainland China mobile number (11 digits starting with 1)."), field="number")
    return "+86" + text


def phone_masked(number: str) -> str:
    """``+86 138****5678``: enough for a person to recognise their number on a screen."""
    digits = number.removeprefix("+86")
    return f"+86 {digits[:3]}****{digits[-4:]}"
