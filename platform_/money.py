"""Amounts of money as a reader sees them: CNY in the page's language ("¥12,000" in English, "12,000 元" in Chinese)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils.translation import pgettext

CENT = Decimal("0.01")


def cny(amount: Any) -> str:
    """An amount in yuan with thousands grouped, fen shown only when there are any; "" for no amount.

    The placement of the currency is the catalogue's: the one msgid ``¥%(amount)s`` (context "money")
    is "%(amount)s 元" in Chinese, so every page, e-mail and PDF that shows money agrees.
    """
    if amount is None or amount == "":
        return ""
    try:
        value = Decimal(str(amount)).quantize(CENT, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return str(amount)
    digits = f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"
    return pgettext("money", "¥%(amount)s") % {"amount": digits}
