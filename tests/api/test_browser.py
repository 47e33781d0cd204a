"""The firm administrator's journey in a real browser: create a key (shown once), call the API with
it, revoke it; add a webhook endpoint and find the delivery log."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from django.conf import settings
from django.test import Client

from tests.factories import firm_with_owner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in(page_factory: Any, live_server: Any, user: Any, **options: Any) -> Any:
    client = Client()
    client.force_login(user)
    page = page_factory(**options)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


def test_create_use_and_revoke_a_key_then_add_a_webhook(page_factory: Any, live_server: Any) -> None:
    _firm, owner = firm_with_owner()
    page = _signed_in(page_factory, live_server, owner)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.goto(f"{live_server.url}/firms/api-keys/")
    page.fill("#id_name", "ERP 同步")
    page.select_option("#id_scope_webhooks", "write")
    page.click("form.form button[type=submit]")
    token = page.inner_text("[data-testid=token]").strip()
    headers = {"Authorization": f"Bearer {token}"}
    assert httpx.get(f"{live_server.url}/api/v1/webhooks/endpoints/", headers=headers).status_code == 200

    page.goto(f"{live_server.url}/firms/api-keys/")
    assert token not in page.content()
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-testid=keys] button.btn-danger")
    page.wait_for_selector(".msg-success")
    assert httpx.get(f"{live_server.url}/api/v1/webhooks/endpoints/", headers=headers).status_code == 401

    page.goto(f"{live_server.url}/firms/webhooks/")
    page.fill("#id_url", "https://erp.example.test/hooks")
    page.check("input[name=events][value='asset.published']")
    page.click("form.form button[type=submit]")
    page.wait_for_selector("[data-testid=deliveries]")
    assert "https://erp.example.test/hooks" in page.inner_text("h1")
