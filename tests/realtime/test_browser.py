"""Two browsers co-edit a project's brief: they converge, and the text outlives its editors and the server."""

from __future__ import annotations

from typing import Any

import pytest

from platform_.realtime.selectors import document_text
from tests.projects.factories import open_project, solver
from tests.realtime.factories import session_cookie
from tests.realtime.servers import Server

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SYNCED = "window.vcEditors && window.vcEditors.brief && window.vcEditors.brief.provider.synced"


def open_room(page_factory: Any, server: Server, user: Any, path: str) -> Any:
    page = page_factory()
    page.context.add_cookies([{"name": "sessionid", "value": session_cookie(user), "url": server.url}])
    page.goto(server.url + path)
    page.wait_for_function(SYNCED)
    return page


def text_of(page: Any) -> str:
    return page.evaluate("window.vcEditors.brief.text()")


def test_two_editors_converge_and_the_text_survives_leaving_and_restart(
    page_factory: Any, asgi_servers: list[Server]
) -> None:
    project, first = open_project(brief="Brief: ")
    _firm, second = solver(project)
    path = f"/rooms/project/{project.pk}/"
    server = asgi_servers[0]  # stopped and started again below
    one = open_room(page_factory, server, first, path)
    two = open_room(page_factory, server, second, path)
    one.click('[data-testid="editor-brief"] .cm-content')
    two.click('[data-testid="editor-brief"] .cm-content')
    for word_one, word_two in (("alpha ", "delta "), ("beta ", "gamma ")):
        one.keyboard.type(word_one)
        two.keyboard.type(word_two)
    for page in (one, two):
        page.wait_for_function(
            "['alpha', 'beta', 'gamma', 'delta'].every(w => window.vcEditors.brief.text().includes(w))"
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

    assert document_text(name=f"project.{project.pk}.brief") == final
    again = open_room(page_factory, server, first, path)
    again.wait_for_function(f"window.vcEditors.brief.text() === {final!r}")
    again.context.close()

    server.stop()
    server.start()
    after_restart = open_room(page_factory, server, second, path)
    after_restart.wait_for_function(f"window.vcEditors.brief.text() === {final!r}")
    assert after_restart.locator('[data-testid="editor-brief"] .cm-content').inner_text().strip() == final.strip()
