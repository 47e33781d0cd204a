"""In a real Chromium against the ASGI server: the main pages load under the Content-Security-Policy with no
violation, and their scripts still work (charts draw, the room connects, Swagger UI renders, forms.js acts)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.factories import ClusterFactory, active_member
from tests.knowledge.factories import make_asset
from tests.projects.factories import open_project, solver
from tests.realtime.factories import session_cookie
from tests.realtime.servers import Server

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# Installed before any page script: collects the violations the page's policy reports.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + (e.lineNumber || '')));
"""


@pytest.fixture
def server(django_db_setup: Any, django_db_blocker: Any) -> Iterator[Server]:
    running = Server().start()
    yield running
    running.stop()


class Visit:
    def __init__(self, page: Any, base: str) -> None:
        self.page, self.base = page, base
        self.console: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", lambda message: self.console.append(message.text))

    def open(self, path: str, works: str) -> None:
        """Load ``path`` and wait until ``works`` (a JS expression) shows its scripts ran."""
        self.page.goto(self.base + path)
        # A function, not an expression: Playwright evals expressions in the page, which the policy forbids.
        self.page.wait_for_function(f"() => Boolean({works})")
        violations = self.page.evaluate("window.__cspViolations")
        assert violations == [], path
        assert not [line for line in self.console if "Content Security Policy" in line], path


def test_main_pages_run_their_scripts_without_a_policy_violation(server: Server, page_factory: Any) -> None:
    cluster = ClusterFactory.create()
    firm, person = active_member(cluster)
    active_member(cluster)
    asset = make_asset(firm=firm, by=person)
    project, _sponsor = open_project()
    solver(project)
    page = page_factory()
    page.context.add_cookies([{"name": "sessionid", "value": session_cookie(person), "url": server.url}])
    visit = Visit(page, server.url)
    loaded = "document.readyState === 'complete'"

    visit.open("/", loaded)
    visit.open(f"/clusters/{cluster.slug}/", "document.getElementById('province-chart').dataset.rendered === '1'")
    visit.open(f"/rooms/cluster/{cluster.pk}/", "document.querySelectorAll('[data-role=presence] li').length > 0")
    visit.open("/spillover/", "window.echarts !== undefined && " + loaded)
    visit.open("/knowledge/", loaded)
    visit.open(f"/knowledge/{asset.pk}/", loaded)
    visit.open(f"/projects/{project.pk}/", loaded)
    visit.open("/api/docs/", "document.querySelector('.swagger-ui .info .title') !== null")

    # forms.js replaced the inline onchange: choosing a language still submits the form.
    page.goto(server.url + "/knowledge/")
    with page.expect_navigation():
        page.select_option("select[name=language]", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.evaluate("window.__cspViolations") == []


def test_the_admin_runs_under_the_policy(server: Server, page_factory: Any) -> None:
    from tests.factories import UserFactory

    admin = UserFactory.create(is_staff=True, is_superuser=True)
    page = page_factory()
    page.context.add_cookies([{"name": "sessionid", "value": session_cookie(admin), "url": server.url}])
    visit = Visit(page, server.url)
    visit.open("/admin/", "document.readyState === 'complete'")
    visit.open("/admin/knowledge/asset/", "document.querySelector('#changelist') !== null")
