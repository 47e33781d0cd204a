"""An open ideation in a real browser: the sponsor chooses open ideation and publishes; two firms
submit near-duplicate ideas, a third comments on and supports one; the sponsor merges the duplicates
and the surviving idea credits both authors' firms and keeps the support."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from platform_.audit.models import AuditEntry
from projects.models import Project
from projects.models_types import Idea, IdeaAward
from tests.factories import firm_with_owner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in(page_factory: Any, live_server: Any, user: Any) -> Any:
    client = Client()
    client.force_login(user)
    page = page_factory()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    return page


def test_open_ideation_with_a_merge(page_factory: Any, live_server: Any) -> None:
    _sponsor_firm, sponsor = firm_with_owner()
    alice, bob, carol = (firm_with_owner(name_zh=name) for name in ("甲方案公司", "乙方案公司", "丙评论公司"))

    page = _signed_in(page_factory, live_server, sponsor)
    page.goto(f"{live_server.url}/projects/new/")
    form = page.locator("[data-testid=project-form]")
    form.locator("#id_kind").select_option("ideation")
    form.locator("#id_title").fill("降低织机噪音的点子")
    form.locator("#id_brief").fill("征集降噪点子。")
    form.locator("#id_award_amount").fill("5000")
    form.locator("#id_deadline").fill((timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"))
    form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-testid=project-title]")
    project_url = page.url
    criterion = page.locator("[data-testid=criterion-form]")
    criterion.locator("input[name=name]").fill("新颖性")
    criterion.locator("input[name=weight]").fill("1")
    criterion.locator("button[type=submit]").click()
    page.click("[data-testid=ideas-link]")
    page.check("[data-testid=ideation-open]")
    page.click("[data-testid=ideation-save]")
    expect(page.locator("[data-testid=ideation-mode]")).to_have_attribute("data-open", "1")
    page.goto(project_url)
    page.click("[data-testid=action-publish]")
    expect(page.locator("[data-testid=project-status]")).to_have_attribute("data-status", "open")

    pages = {}
    for key, (_firm, owner), title in (
        ("alice", alice, "橡胶减振垫"),
        ("bob", bob, "机架橡胶减振"),
        ("carol", carol, None),
    ):
        solver_page = _signed_in(page_factory, live_server, owner)
        solver_page.goto(project_url)
        solver_page.click("[data-testid=accept-terms]")
        solver_page.click("[data-testid=ideas-link]")
        if title:
            idea_form = solver_page.locator("[data-testid=idea-form]")
            idea_form.locator("#id_title").fill(title)
            idea_form.locator("#id_text").fill(f"{title}：在机脚下加装减振垫。")
            solver_page.click("[data-testid=idea-submit]")
            expect(solver_page.locator(f"[data-title='{title}']")).to_be_visible()
        pages[key] = solver_page

    # Open ideation: Carol sees both ideas, comments on one and supports it.
    survivor = Idea.objects.get(title="橡胶减振垫")
    duplicate = Idea.objects.get(title="机架橡胶减振")
    carol_page = pages["carol"]
    carol_page.reload()
    expect(carol_page.locator(f"[data-testid=idea-{duplicate.pk}]")).to_be_visible()
    comment = carol_page.locator(f"[data-testid=comment-form-{duplicate.pk}]")
    comment.locator("textarea").fill("可以用再生橡胶。")
    comment.locator("button[type=submit]").click()
    expect(carol_page.locator(f"[data-testid=idea-{duplicate.pk}]")).to_contain_text("可以用再生橡胶")
    carol_page.click(f"[data-testid=support-{duplicate.pk}]")
    expect(carol_page.locator(f"[data-testid=idea-{duplicate.pk}] [data-testid=supports]")).to_contain_text("1")
    # Nobody supports their own idea: Alice has no support button on hers.
    pages["alice"].reload()
    assert pages["alice"].locator(f"[data-testid=support-{survivor.pk}]").count() == 0

    # The sponsor merges the duplicate into the survivor.
    page.goto(f"{project_url}ideas/")
    page.locator(f"[data-testid=idea-{survivor.pk}] details summary").click()
    page.check(f"[data-testid=merge-form-{survivor.pk}] [data-testid=duplicate-{duplicate.pk}]")
    page.click(f"[data-testid=merge-{survivor.pk}]")
    credits = page.locator(f"[data-testid=idea-{survivor.pk}] [data-testid=credits]")
    expect(credits).to_contain_text("甲方案公司")
    expect(credits).to_contain_text("乙方案公司")
    expect(page.locator(f"[data-testid=idea-{survivor.pk}] [data-testid=supports]")).to_contain_text("1")
    expect(page.locator(f"[data-testid=idea-{duplicate.pk}] [data-testid=merged]")).to_be_visible()

    # Carol now sees only the surviving idea; Bob still sees his own, marked merged.
    carol_page.reload()
    assert carol_page.locator(f"[data-testid=idea-{duplicate.pk}]").count() == 0
    pages["bob"].reload()
    expect(pages["bob"].locator(f"[data-testid=idea-{duplicate.pk}] [data-testid=merged]")).to_be_visible()
    assert AuditEntry.objects.filter(action="project.idea_merge").count() == 1
    assert Project.objects.get(title="降低织机噪音的点子").ideas.filter(merged_into=survivor).count() == 1

    # After the deadline the sponsor awards the surviving idea: both merged authors' firms share it.
    project = Project.objects.get(title="降低织机噪音的点子")
    Project.objects.filter(pk=project.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    page.goto(f"{project_url}ideas/")  # the read closes the project past its deadline
    page.reload()
    page.check(f"[data-testid=winner-{survivor.pk}]")
    page.click("[data-testid=ideas-award]")
    expect(page.locator(f"[data-testid=idea-{survivor.pk}] [data-testid=winner]")).to_be_visible()
    award = IdeaAward.objects.get(idea=survivor)
    assert award.asset is not None
    owners = set(award.asset.ownerships.values_list("firm__name_zh", flat=True))
    assert owners == {"甲方案公司", "乙方案公司"}
