"""The journey in a real browser: a firm shares a document with a file, a moderator approves it, another
firm finds it by a Chinese word and downloads it, and the owner sees the download in the statistics."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from clusters.models import ReviewPolicy
from tests.factories import ClusterFactory, UserFactory, active_member, firm_with_owner
from tests.knowledge.factories import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in(page_factory: Any, live_server: Any, user: Any) -> Any:
    client = Client()
    client.force_login(user)
    page = page_factory()
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


def test_share_approve_find_download_and_see_it(page_factory: Any, live_server: Any, tmp_path: Any) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.BEFORE, moderators=[moderator])
    _firm, owner = active_member(cluster)
    _other, reader = firm_with_owner()
    document = tmp_path / "plan.pdf"
    document.write_bytes(pdf_bytes("Energy saving retrofit of looms"))

    page = _signed_in(page_factory, live_server, owner)
    page.goto(f"{live_server.url}/knowledge/new/")
    page.fill("#id_title_zh", "纺织机械节能改造方案")
    page.fill("#id_summary_zh", "介绍织机电机的节能改造与效果。")
    page.set_input_files("#id_file", str(document))
    page.click("[data-testid=asset-submit]")
    page.wait_for_selector("[data-testid=asset-title]")
    asset_url = page.url

    moderation = _signed_in(page_factory, live_server, moderator)
    moderation.goto(f"{live_server.url}/knowledge/moderation/")
    item = moderation.locator("[data-testid=queue-item]", has_text="纺织机械节能改造方案")
    item.locator("[data-testid=decision]").select_option("approve")
    item.locator("[data-testid=reason]").fill("内容完整")
    item.locator("[data-testid=decide]").click()
    moderation.wait_for_selector(".msg-success")

    finder = _signed_in(page_factory, live_server, reader)
    finder.goto(f"{live_server.url}/knowledge/")
    finder.fill("[data-testid=search-input]", "节能")
    finder.click("[data-testid=search-submit]")
    finder.locator("[data-testid=result] a", has_text="纺织机械节能改造方案").click()
    with finder.expect_download() as download:
        finder.click("[data-testid=download]")
    assert download.value.suggested_filename == "plan.pdf"

    page.goto(asset_url)
    assert page.locator("[data-testid=stat-download]").inner_text() == "1"
