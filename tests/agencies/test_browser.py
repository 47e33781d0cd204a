"""In a real browser: an agency's officer finds sectors for a guidance by typing in the searchable picker
instead of scanning a wall of ninety-seven checkboxes, and the guidance is saved with them."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from agencies.models import Guidance

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_picks_sectors_by_typing(land: dict[str, Any], page_factory: Any, live_server: Any) -> None:
    client = Client()
    client.force_login(land["officer"])
    page = page_factory("en-US")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    page.goto(f"{live_server.url}/agencies/{land['agency'].pk}/guidance/new/")
    form = page.locator("[data-testid=guidance-form]")
    form.locator("select[name=kind]").select_option("policy")
    form.locator("input[name=title]").fill("Textile notice")
    form.locator("textarea[name=body]").fill("Support for dyeing upgrades.")
    form.locator("input[name=valid_from]").fill("2026-01-01")
    form.locator("#field-sectors .ts-control").click()
    page.keyboard.type("17")
    options = page.locator("#field-sectors .ts-dropdown .option[data-value]")
    expect(options).to_have_count(1)  # typing narrowed the list to the one matching sector
    options.first.click()
    page.click("[data-testid=guidance-form] button[type=submit]")
    page.wait_for_url(re.compile(rf"/agencies/{land['agency'].pk}/$"))
    assert list(Guidance.objects.get().sectors.all()) == [land["textile"]]
