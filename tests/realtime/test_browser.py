"""Two browsers co-edit a project's shared notes: they converge, and the text outlives its editors and the
server; a project's brief is the sponsor's, read-only to the others, and follows into the project."""

from __future__ import annotations

import time
from typing import Any

import pytest

from platform_.realtime.selectors import document_text
from tests.projects.factories import open_project, solver, sponsor_project
from tests.realtime.factories import session_cookie
from tests.realtime.servers import Server

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# Predicates are functions: Playwright evals a bare expression in the page, which the CSP forbids.
SYNCED = "() => window.vcEditors && window.vcEditors.{doc} && window.vcEditors.{doc}.provider.synced"


def open_room(page_factory: Any, server: Server, user: Any, path: str, doc: str = "notes") -> Any:
    page = page_factory()
    page.context.add_cookies([{"name": "sessionid", "value": session_cookie(user), "url": server.url}])
    page.goto(server.url + path)
    page.wait_for_function(SYNCED.format(doc=doc))
    return page


def text_of(page: Any, doc: str = "notes") -> str:
    return page.evaluate(f"window.vcEditors.{doc}.text()")


def test_two_editors_converge_and_the_text_survives_leaving_and_restart(
    page_factory: Any, asgi_servers: list[Server]
) -> None:
    project, first = open_project()
    _firm, second = solver(project)
    path = f"/rooms/project/{project.pk}/"
    server = asgi_servers[0]  # stopped and started again below
    one = open_room(page_factory, server, first, path)
    two = open_room(page_factory, server, second, path)
    one.click('[data-testid="editor-notes"] .cm-content')
    two.click('[data-testid="editor-notes"] .cm-content')
    for word_one, word_two in (("alpha ", "delta "), ("beta ", "gamma ")):
        one.keyboard.type(word_one)
        two.keyboard.type(word_two)
    for page in (one, two):
        page.wait_for_function(
            "() => ['alpha', 'beta', 'gamma', 'delta'].every(w => window.vcEditors.notes.text().includes(w))"
        )
    # The last keystrokes may still be on their way: wait until both hold the same text.
    for _attempt in range(150):
        if text_of(one) == text_of(two):
            break
        one.wait_for_timeout(100)
    assert text_of(one) == text_of(two)
    final = text_of(one)
    one.context.close()
    two.context.close()

    assert document_text(name=f"project.{project.pk}.notes") == final
    again = open_room(page_factory, server, first, path)
    again.wait_for_function(f"() => window.vcEditors.notes.text() === {final!r}")
    again.context.close()

    server.stop()
    server.start()
    after_restart = open_room(page_factory, server, second, path)
    after_restart.wait_for_function(f"() => window.vcEditors.notes.text() === {final!r}")
    assert after_restart.locator('[data-testid="editor-notes"] .cm-content').inner_text().strip() == final.strip()


def test_solver_sees_the_brief_read_only_and_cannot_type_into_it(page_factory: Any, asgi_servers: list[Server]) -> None:
    project, _sponsor = open_project(brief="Fixed brief.")
    _firm, solver_owner = solver(project)
    page = open_room(page_factory, asgi_servers[0], solver_owner, f"/rooms/project/{project.pk}/", doc="brief")
    assert page.locator('[data-role="doc-read-only"][data-doc="brief"]').is_visible()
    assert page.locator('[data-testid="editor-brief"] .cm-content').get_attribute("contenteditable") == "false"
    page.click('[data-testid="editor-brief"] .cm-content')
    page.keyboard.type("mine ")
    assert text_of(page, "brief") == "Fixed brief."
    page.context.close()
    assert document_text(name=f"project.{project.pk}.brief") == "Fixed brief."


def test_sponsor_types_into_a_draft_brief_and_the_project_follows(
    page_factory: Any, asgi_servers: list[Server]
) -> None:
    project, sponsor = sponsor_project(brief="Loom frame.")
    page = open_room(page_factory, asgi_servers[0], sponsor, f"/rooms/project/{project.pk}/", doc="brief")
    assert not page.locator('[data-role="doc-read-only"][data-doc="brief"]').is_visible()
    page.click('[data-testid="editor-brief"] .cm-content')
    page.keyboard.press("End")
    page.keyboard.type(" Under 2 kg.")
    page.wait_for_function("() => window.vcEditors.brief.text() === 'Loom frame. Under 2 kg.'")
    page.context.close()
    for _attempt in range(100):  # written back within 2 s, and when the last editor leaves
        project.refresh_from_db()
        if project.brief == "Loom frame. Under 2 kg.":
            break
        time.sleep(0.1)
    assert project.brief == "Loom frame. Under 2 kg."
