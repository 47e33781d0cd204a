"""The main pages pass axe-core with no serious or critical violation, in Chinese and in English; the skip
link is the first stop of the keyboard.

axe-core is vendored beside these tests (tests/browser/vendor/axe-core, README.txt there) and evaluated in
the page through the DevTools protocol, which the site's Content-Security-Policy (no inline script) does not
govern, so the pages are checked exactly as they are served.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from clusters.services import membership_apply
from observatory.services import open_statistics_refresh
from projects import services as project_services
from tests.factories import ClusterFactory, MembershipFactory, firm_with_owner
from tests.knowledge.factories import make_asset
from tests.projects.factories import CriterionFactory, ProjectFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
LOCALES = {"zh-hans": "zh-CN", "en": "en-US"}
# WCAG 2.1 A and AA plus axe's best practices; no rule is switched off.
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"],
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary)}));
}"""


@pytest.fixture
def media_root(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _world() -> dict[str, Any]:
    """A person whose firm moderates a cluster, owns an asset, sponsors an open challenge and has a notification."""
    firm, person = firm_with_owner(name_zh="宁波精工机械", name_en="Ningbo Precision Machinery")
    cluster = ClusterFactory.create(name_zh="慈溪小家电集群", name_en="Cixi Small Appliances", moderators=[person])
    MembershipFactory.create(cluster=cluster, firm=firm)
    applicant_firm, applicant = firm_with_owner(name_zh="余姚电机", name_en="Yuyao Motors")
    membership_apply(cluster=cluster, firm=applicant_firm, by=applicant, message="我们生产小电机。")
    asset = make_asset(firm=firm, by=person, summary_zh="印染废水处理", summary_en="Dyeing wastewater treatment")
    project = ProjectFactory.create(
        sponsor=firm, created_by=person, title="织机机架轻量化", award_amount=Decimal("12000.00")
    )
    CriterionFactory.create(project=project, name="减重", weight=Decimal("2"))
    project_services.project_transition(project=project, action="publish", by=person)
    open_statistics_refresh(k=3)
    return {"person": person, "firm": firm, "cluster": cluster, "asset": asset, "project": project} | {
        "visitor": applicant
    }


def _signed_in_page(page_factory: Any, live_server: Any, user: Any, locale: str) -> Any:
    client = Client()
    client.force_login(user)
    page = page_factory(locale)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    return page


def _violations(page: Any) -> list[dict[str, Any]]:
    """The serious and critical violations on the page now shown (axe is injected into each new document)."""
    page.wait_for_load_state("load")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return [v for v in page.evaluate(AXE_RUN) if v["impact"] in BLOCKING]


def _check(page: Any, live_server: Any, paths: list[str], language: str) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for path in paths:
        assert page.goto(live_server.url + path).status == 200, path
        assert page.locator("html").get_attribute("lang") == language, path
        if violations := _violations(page):
            found[path] = violations
    return found


@pytest.mark.parametrize("language", list(LOCALES))
def test_main_pages_have_no_serious_accessibility_violation(
    live_server: Any, page_factory: Any, media_root: Any, language: str
) -> None:
    world = _world()
    signed_in = [
        "/",
        "/clusters/",
        world["cluster"].get_absolute_url(),
        "/knowledge/",
        world["asset"].get_absolute_url(),
        "/knowledge/?q=纺织" if language == "zh-hans" else "/knowledge/?q=textile",
        "/projects/",
        world["project"].get_absolute_url(),
        "/spillover/",
        "/observatory/",
        "/notifications/",
        "/me/",
        world["firm"].get_absolute_url(),
    ]
    anonymous = ["/accounts/login/", "/accounts/signup/"]
    page = _signed_in_page(page_factory, live_server, world["person"], LOCALES[language])
    found = _check(page, live_server, signed_in, language)
    found |= _check(page_factory(LOCALES[language]), live_server, anonymous, language)
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("language", list(LOCALES))
def test_forms_and_management_pages_have_no_serious_accessibility_violation(
    live_server: Any, page_factory: Any, media_root: Any, language: str
) -> None:
    """The pages where people type: sharing, posting, editing the firm, managing a cluster; and an asset seen
    by another firm (its licence, citation and report forms)."""
    world = _world()
    slug = world["cluster"].slug
    owner_paths = [
        "/knowledge/new/",
        "/projects/new/",
        f"/firms/{world['firm'].pk}/edit/",
        f"/firms/{world['firm'].pk}/people/",
        "/clusters/propose/",
        f"/clusters/{slug}/manage/",
        "/agencies/",
        "/privacy/me/",
    ]
    page = _signed_in_page(page_factory, live_server, world["person"], LOCALES[language])
    found = _check(page, live_server, owner_paths, language)
    visitor = _signed_in_page(page_factory, live_server, world["visitor"], LOCALES[language])
    found |= _check(
        visitor, live_server, [world["asset"].get_absolute_url(), world["project"].get_absolute_url()], language
    )
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


def test_the_skip_link_is_the_first_keyboard_stop_and_moves_to_the_main_content(
    live_server: Any, page_factory: Any
) -> None:
    page = page_factory("en-US")
    page.goto(f"{live_server.url}/accounts/login/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.testid") == "skip-link"
    assert page.locator("[data-testid=skip-link]").is_visible()  # shown once focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_on_a_narrow_screen_the_menu_opens_from_the_keyboard(live_server: Any, page_factory: Any) -> None:
    page = page_factory("zh-CN")
    page.set_viewport_size({"width": 600, "height": 900})
    page.goto(f"{live_server.url}/accounts/login/")
    assert not page.locator(".mainnav").is_visible()
    for _stop in ("skip link", "brand", "menu"):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "nav-toggle"
    page.keyboard.press("Space")
    assert page.locator(".mainnav").is_visible()
