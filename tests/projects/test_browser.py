"""The journey in a real browser: a sponsor posts a challenge, two firms accept the terms and submit,
a judge scores, the sponsor awards, and the winning design is a knowledge asset with its provenance."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from knowledge.models import AssetLink, AssetOwnership
from projects.models import Award, Project
from tests.factories import UserFactory, firm_with_owner
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


def test_post_enter_judge_award_and_find_the_design(page_factory: Any, live_server: Any, tmp_path: Any) -> None:
    sponsor_firm, sponsor = firm_with_owner()
    judge = UserFactory.create()
    solvers = [firm_with_owner() for _ in range(2)]

    page = _signed_in(page_factory, live_server, sponsor)
    page.goto(f"{live_server.url}/projects/new/")
    form = page.locator("[data-testid=project-form]")
    form.locator("#id_title").fill("轻量化织机机架")
    form.locator("#id_brief").fill("将机架减重 20%。")
    form.locator("#id_confidential_brief").fill("现有图纸 77-A")
    form.locator("#id_award_amount").fill("30000")
    form.locator("#id_ip_terms").select_option("assignment")
    form.locator("#id_deadline").fill((timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"))
    form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-testid=project-title]")
    project_url = page.url
    criterion = page.locator("[data-testid=criterion-form]")
    criterion.locator("input[name=name]").fill("减重效果")
    criterion.locator("input[name=weight]").fill("2")
    criterion.locator("button[type=submit]").click()
    expect(page.locator("#rubric tbody")).to_contain_text("减重效果")
    page.locator("[data-testid=judge-form] input[name=email]").fill(judge.email)
    page.locator("[data-testid=judge-form] button[type=submit]").click()
    expect(page.locator("#panel")).to_contain_text(str(judge))
    page.click("[data-testid=action-publish]")
    expect(page.locator("[data-testid=project-status]")).to_have_attribute("data-status", "open")

    for index, (_firm, owner) in enumerate(solvers):
        solver_page = _signed_in(page_factory, live_server, owner)
        solver_page.goto(project_url)
        assert solver_page.locator("[data-testid=confidential-locked]").count() == 1
        solver_page.click("[data-testid=accept-terms]")
        expect(solver_page.locator("[data-testid=confidential]")).to_contain_text("77-A")
        design = tmp_path / f"frame{index}.pdf"
        design.write_bytes(pdf_bytes(f"Frame design {index}"))
        entry_form = solver_page.locator("[data-testid=entry-form]")
        entry_form.locator("input[name=title]").fill(f"方案{index}")
        entry_form.locator("input[name=files]").set_input_files(str(design))
        solver_page.click("[data-testid=submit-entry]")
        solver_page.wait_for_selector("[data-testid=entry-title]")
        assert solver_page.locator("[data-testid=receipt-1]").count() == 1

    # The sponsor sees that two teams entered, but nothing of what they sent.
    page.goto(project_url)
    assert "方案0" not in page.content()
    # The clock passes the deadline; the next read closes the project.
    Project.objects.filter(title="轻量化织机机架").update(deadline=timezone.now() - timedelta(seconds=1))
    page.goto(project_url)
    expect(page.locator("[data-testid=project-status]")).to_have_attribute("data-status", "closed")
    page.click("[data-testid=action-start_judging]")
    expect(page.locator("[data-testid=project-status]")).to_have_attribute("data-status", "judging")

    judge_page = _signed_in(page_factory, live_server, judge)
    for index, score in ((0, "9"), (1, "4")):
        judge_page.goto(project_url)
        judge_page.locator("[data-testid=entries] a", has_text=f"方案{index}").click()
        judge_page.locator("[data-testid=score-form] input[type=number]").first.fill(score)
        judge_page.click("[data-testid=score-submit]")
        judge_page.wait_for_selector(".msg-success")

    page.goto(project_url)
    page.click("[data-testid=panel-close]")
    page.wait_for_selector("[data-testid=ranking]")
    first_row = page.locator("[data-testid=ranking] tbody tr").first
    assert "方案0" in first_row.inner_text()
    first_row.locator("input[name=winners]").check()
    page.click("[data-testid=award]")
    expect(page.locator("[data-testid=project-status]")).to_have_attribute("data-status", "awarded")

    page.click("[data-testid=award-asset]")
    expect(page.locator("[data-testid=asset-title]")).to_have_text("方案0")
    assert "轻量化织机机架" in page.content()  # "builds on" the brief
    award = Award.objects.get()
    assert AssetLink.objects.filter(citing=award.asset, cited=award.brief_asset, kind="derivation").exists()
    assert list(AssetOwnership.objects.filter(asset=award.asset).values_list("firm_id", flat=True)) == [sponsor_firm.pk]
