"""Money reads the way each language writes it: "¥12,000" in English, "12,000 元" in Chinese."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from platform_.money import cny


@pytest.mark.parametrize(
    ("language", "amount", "shown"),
    [
        ("en", Decimal("12000.00"), "¥12,000"),
        ("zh-hans", Decimal("12000.00"), "12,000 元"),
        ("en", Decimal("1234567.5"), "¥1,234,567.50"),
        ("zh-hans", Decimal("1234567.5"), "1,234,567.50 元"),
        ("en", 800, "¥800"),
        ("zh-hans", "0.005", "0.01 元"),
    ],
)
def test_an_amount_is_grouped_and_placed_per_language(language: str, amount: object, shown: str) -> None:
    with translation.override(language):
        assert cny(amount) == shown


def test_no_amount_shows_nothing() -> None:
    assert cny(None) == ""
    assert cny("") == ""


def test_the_template_filter_is_the_same_helper() -> None:
    template = Template("{% load money %}{{ value|cny }}")
    with translation.override("zh-hans"):
        assert template.render(Context({"value": Decimal("30000")})) == "30,000 元"
    with translation.override("en"):
        assert template.render(Context({"value": Decimal("30000")})) == "¥30,000"
