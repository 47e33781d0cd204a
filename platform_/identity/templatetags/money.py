"""Money on pages: ``{% load money %}{{ project.award_amount|cny }}`` (platform_.money.cny)."""

from __future__ import annotations

from typing import Any

from django import template

from platform_ import money

register = template.Library()


@register.filter
def cny(value: Any) -> str:
    """An amount in CNY in the active language's form: "¥12,000" or "12,000 元"."""
    return money.cny(value)
