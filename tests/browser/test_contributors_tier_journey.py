"""Reaching the contributors tier in a real browser: a moderator sets the cluster's rule, a member firm
sees that one more shared asset opens the tier, shares one, and then reads the contributors-only asset."""

from __future__ import annotations

from typing import Any

import pytest

from clusters.models import ReviewPolicy
from knowledge.models import AccessLevel
from tests.factories import ClusterFactory, UserFactory, active_member
from tests.knowledge.factories import make_asset
from tests.knowledge.test_browser import _signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_shares_and_reaches_the_contributors_tier(page_factory: Any, live_server: Any) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.AFTER, moderators=[moderator], name_zh="柯桥纺织集群")
    owner_firm, owner = active_member(cluster)
    _member_firm, member = active_member(cluster)
    secret = make_asset(
        firm=owner_firm,
        by=owner,
        title_zh="定型机节能参数",
        summary_zh="只向贡献者开放",
        access_level=AccessLevel.CONTRIBUTORS,
        access_clusters=[cluster],
    )

    # The moderator sets the rule: one published asset shared with the cluster in the last year.
    rules = _signed_in(page_factory, live_server, moderator)
    rules.goto(f"{live_server.url}/knowledge/contributors/")
    form = rules.locator("[data-testid=rule-form]")
    form.locator(f"[name='c{cluster.pk}-min_assets']").fill("1")
    form.locator(f"[name='c{cluster.pk}-window_days']").fill("365")
    form.locator("button[type=submit]").click()
    rules.wait_for_selector(".msg-success")

    # The member sees the rule and its progress, and cannot open the asset yet.
    page = _signed_in(page_factory, live_server, member)
    page.goto(f"{live_server.url}/knowledge/")
    page.click("[data-testid=contributors-link]")
    progress = page.locator("[data-testid=contributor-progress]", has_text="柯桥纺织集群")
    assert "1" in progress.locator("[data-testid=contributor-next]").inner_text()
    assert progress.locator("[data-testid=contributor-badge]").count() == 0
    response = page.goto(f"{live_server.url}{secret.get_absolute_url()}")
    assert response is not None
    assert response.status == 404

    # It shares an asset (published at once: the cluster reviews after publishing).
    page.goto(f"{live_server.url}/knowledge/new/")
    page.fill("#id_title_zh", "染色废水回用经验")
    page.fill("#id_summary_zh", "回用率从三成提高到六成。")
    page.click("[data-testid=asset-submit]")
    page.wait_for_selector("[data-testid=asset-title]")

    # Now a contributor: the badge shows and the contributors-only asset opens.
    page.goto(f"{live_server.url}/knowledge/contributors/")
    assert page.locator("[data-testid=contributor-badge]").count() == 1
    page.goto(f"{live_server.url}{secret.get_absolute_url()}")
    assert page.locator("[data-testid=asset-title]").inner_text() == "定型机节能参数"
