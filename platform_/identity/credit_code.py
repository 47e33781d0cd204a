"""Validation of the 18-character unified social credit code (统一社会信用代码, GB 32100-2015)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The 31 characters of the code; I, O, Z, S and V are never used.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
REGISTRATION_AUTHORITIES = set("123456789ABCDEFGNY")


def check_character(first17: str) -> str:
    """The 18th character for the first 17 (GB 32100-2015, 4.2: weights 3^(i-1) mod 31)."""
    total = sum(ALPHABET.index(char) * weight for char, weight in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(value: str) -> None:
    code = (value or "").strip().upper()
    if len(code) != 18:
        raise ValidationError(_("A unified social credit code has 18 characters."), code="length")
    bad = sorted({char for char in code if char not in ALPHABET})
    if bad:
        raise ValidationError(
            _("These characters cannot appear in a unified social credit code: %(chars)s."),
            code="charset",
            params={"chars": "".join(bad)},
        )
    if code[0] not in REGISTRATION_AUTHORITIES:
        raise ValidationError(_("The first character is not a registration authority code."), code="authority")
    if not code[2:8].isdigit():
        raise ValidationError(
            _("Characters 3 to 8 must be the digits of an administrative division code."), code="division"
        )
    if check_character(code[:17]) != code[17]:
        raise ValidationError(_("The check character does not match; please verify the code."), code="check")
