"""An RFP in a real browser: the sponsor posts it, two suppliers propose (price, delivery time,
milestones), the sponsor compares them side by side and selects one; the supplier delivers a
milestone, the sponsor returns it, the supplier delivers again and the sponsor accepts it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from projects import services
from projects.models import Project, ProjectStatus
from projects.models_types import Contract, MilestoneStatus
from tests.factories import firm_with_owner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in(page_factory: Any, live_server: Any, user: Any) -> Any:
    client = Client()
    client.force_login(user)
    page = page_factory()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    return page


def test_rfp_to_a_selected_supplier_and_an_accepted_milestone(page_factory: Any, live_server: Any) -> None:
    _sponsor_firm, sponsor = firm_with_owner()
    suppliers = [firm_with_owner(name_zh=name) for name in ("宁波精工", "慈溪机电")]

    page = _signed_in(page_factory, live_server, sponsor)
    page.goto(f"{live_server.url}/projects/new/")
    form = page.locator("[data-testid=project-form]")
    form.locator("#id_kind").select_option("rfp")
    form.locator("#id_title").fill("织机机架供应")
    form.locator("#id_brief").fill("供应 20 台轻量化机架。")
    form.locator("#id_award_other").fill("供货合同")
    form.locator("#id_deadline").fill((timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"))
    form.locator("button[type=submit]").click()
    page.wait_for_selector("[data-testid=project-title]")
    project_url = page.url
    criterion = page.locator("[data-testid=criterion-form]")
    criterion.locator("input[name=name]").fill("价格")
    criterion.locator("input[name=weight]").fill("1")
    criterion.locator("button[type=submit]").click()
    page.click("[data-testid=action-publish]")
    expect(page.locator("[data-testid=project-status]")).to_have_attribute("data-status", "open")

    for (_firm, owner), price in zip(suppliers, ("90000", "120000"), strict=True):
        supplier_page = _signed_in(page_factory, live_server, owner)
        supplier_page.goto(project_url)
        supplier_page.click("[data-testid=accept-terms]")
        assert supplier_page.locator("[data-testid=entry-form]").count() == 0  # an RFP takes proposals
        supplier_page.click("[data-testid=proposals-link]")
        proposal = supplier_page.locator("[data-testid=proposal-form]")
        proposal.locator("#id_summary").fill("数控切割钢架")
        proposal.locator("#id_price").fill(price)
        proposal.locator("#id_delivery_days").fill("60")
        half = int(price) // 2
        proposal.locator("#id_milestones").fill(f"样机 | {half} | 20\n交付 | {int(price) - half} | 60")
        supplier_page.click("[data-testid=proposal-submit]")
        expect(supplier_page.locator("[data-testid=own-price]")).to_contain_text(
            f"{int(price):,} 元"
        )  # the page is in Chinese
        assert supplier_page.locator("[data-testid=own-proposal]").count() == 1

    project = Project.objects.get(title="织机机架供应")
    Project.objects.filter(pk=project.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    services.projects_close_due()

    page.goto(project_url)
    page.click("[data-testid=compare-link]")
    table = page.locator("[data-testid=comparison]")
    expect(table).to_contain_text("宁波精工")
    expect(table).to_contain_text("慈溪机电")
    cheapest = table.locator("tbody tr").first
    expect(cheapest).to_contain_text("90,000 元")
    cheapest.locator("button[data-testid^=select-]").click()
    page.wait_for_selector("[data-testid=supplier]")
    expect(page.locator("[data-testid=supplier]")).to_contain_text("宁波精工")
    contract_url = page.url
    project.refresh_from_db()
    assert project.status == ProjectStatus.AWARDED

    winner = _signed_in(page_factory, live_server, suppliers[0][1])
    winner.goto(contract_url)
    winner.locator("[data-testid=deliver-form-1] textarea").fill("样机已发货")
    winner.click("[data-testid=deliver-1]")
    expect(winner.locator("[data-testid=milestone-1]")).to_have_attribute("data-status", "submitted")

    page.goto(contract_url)
    page.locator("[data-testid=decide-form-1] textarea").fill("焊缝有裂纹")
    page.click("[data-testid=return-1]")
    expect(page.locator("[data-testid=milestone-1]")).to_have_attribute("data-status", "returned")

    winner.goto(contract_url)
    winner.locator("[data-testid=deliver-form-1] textarea").fill("已重新焊接")
    winner.click("[data-testid=deliver-1]")
    page.goto(contract_url)
    page.click("[data-testid=accept-1]")
    expect(page.locator("[data-testid=milestone-1]")).to_have_attribute("data-status", "accepted")
    expect(page.locator("[data-testid=milestone-1]")).to_contain_text("焊缝有裂纹")

    milestone = Contract.objects.get(project=project).milestones.get(position=1)
    assert milestone.status == MilestoneStatus.ACCEPTED
    assert list(milestone.events.values_list("action", flat=True)) == ["submit", "return", "submit", "accept"]
    loser = _signed_in(page_factory, live_server, suppliers[1][1])
    assert loser.goto(contract_url).status == 404
