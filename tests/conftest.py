"""Shared fixtures: people, firms and clusters made by factories, and a real Chromium for journeys."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the default language: an activation in one test never leaks into the next."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright; under CI a missing browser fails, never skips.

    One browser per module of browser tests (every test of such a module is marked ``browser``).
    While it lives, Playwright's sync API keeps an event loop running in the test thread, so Django's
    guard against ORM calls from async code must be off: only then, never for the rest of the suite.
    """
    path = chromium_path()
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("Chromium is not installed: CI must run the browser tests (apt-get install chromium).")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            instance = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
            yield instance
            instance.close()


@pytest.fixture
def page_factory(browser: Any) -> Iterator[Any]:
    """New isolated browser contexts (one per person), closed after the test."""
    contexts: list[Any] = []

    def make(locale: str = "zh-CN") -> Any:
        context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def user(db: Any) -> Any:
    from tests.factories import UserFactory

    return UserFactory.create()


@pytest.fixture
def admin_user(db: Any) -> Any:
    from tests.factories import UserFactory

    return UserFactory.create(is_staff=True, is_superuser=True)
