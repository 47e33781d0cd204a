"""Fair moderation in a real browser: a moderator takes an asset down, its owner sees the reason and appeals
once, the first moderator cannot decide the appeal, a second one restores the asset and a reader finds it again."""

from __future__ import annotations

from typing import Any

import pytest

from clusters.models import ReviewPolicy
from knowledge.models import Asset, AssetStatus
from tests.factories import ClusterFactory, UserFactory, active_member, firm_with_owner
from tests.knowledge.factories import make_asset
from tests.knowledge.test_browser import _signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_take_down_appeal_and_restore(page_factory: Any, live_server: Any) -> None:
    first, second = UserFactory.create(), UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.AFTER, moderators=[first, second])
    firm, owner = active_member(cluster)
    asset = make_asset(firm=firm, by=owner, title_zh="浆纱工艺手册", summary_zh="浆纱配方与温度控制")
    asset.review_clusters.set([cluster])
    _reader_firm, reader = firm_with_owner()

    # The first moderator takes it down from the queue, with a reason.
    moderator = _signed_in(page_factory, live_server, first)
    moderator.goto(f"{live_server.url}/knowledge/moderation/")
    item = moderator.locator("[data-testid=queue-item]", has_text="浆纱工艺手册")
    item.locator("[data-testid=decision]").select_option("take_down")
    item.locator("[data-testid=reason]").fill("疑似抄袭设备手册")
    item.locator("[data-testid=decide]").click()
    moderator.wait_for_selector(".msg-success")

    # The reader no longer finds it; the owner still sees it, with the reason, and appeals.
    finder = _signed_in(page_factory, live_server, reader)
    response = finder.goto(f"{live_server.url}{asset.get_absolute_url()}")
    assert response is not None
    assert response.status == 404
    page = _signed_in(page_factory, live_server, owner)
    page.goto(f"{live_server.url}/knowledge/mine/")
    page.locator("[data-testid=my-asset] a", has_text="浆纱工艺手册").click()
    assert page.locator("[data-testid=take-down-reason]").inner_text() == "疑似抄袭设备手册"
    page.fill("textarea[name=statement]", "这是我们2019年自己编写的手册，附有原始草稿。")
    page.click("[data-testid=appeal-submit]")
    page.wait_for_selector("[data-testid=appeal-status]")
    assert page.locator("[data-testid=appeal-submit]").count() == 0  # one appeal only

    # The moderator who took it down is not offered the appeal; the second moderator decides it.
    moderator.goto(f"{live_server.url}/knowledge/moderation/")
    assert moderator.locator("[data-testid=appeal-item]").count() == 0
    other = _signed_in(page_factory, live_server, second)
    other.goto(f"{live_server.url}/knowledge/moderation/")
    appeal = other.locator("[data-testid=appeal-item]", has_text="浆纱工艺手册")
    assert "2019" in appeal.locator("[data-testid=appeal-statement]").inner_text()
    appeal.locator("[data-testid=appeal-reason]").fill("草稿证明为原创")
    appeal.locator("[data-testid=appeal-restore]").click()
    other.wait_for_selector(".msg-success")

    # Restored: published again, for the reader too, with its history of decisions.
    assert Asset.objects.get(pk=asset.pk).status == AssetStatus.PUBLISHED
    finder.goto(f"{live_server.url}{asset.get_absolute_url()}")
    assert finder.locator("[data-testid=asset-title]").inner_text() == "浆纱工艺手册"
    page.goto(f"{live_server.url}{asset.get_absolute_url()}")
    assert page.locator("[data-testid=take-down]").count() == 0
    assert "草稿证明为原创" in page.locator("[data-testid=statistics]").inner_text()
