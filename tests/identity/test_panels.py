"""Page panels: the home page and a firm's page show what the domains register, in order, when they have
something to show."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from platform_ import panels
from tests.factories import firm_with_owner


@pytest.fixture
def extra_panel(tmp_path: Any, settings: Any) -> Iterator[list[str]]:
    """A panel registered by the test; it shows the words in the list, and nothing while the list is empty."""
    (tmp_path / "extra_panel.html").write_text('<section data-testid="extra">{{ words|join:" " }}</section>')
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0].get("DIRS", []), str(tmp_path)]},
        *settings.TEMPLATES[1:],
    ]
    words: list[str] = []
    panels.panel_register(
        panels.Panel("extra", "home", "main", "extra_panel.html", lambda request: {"words": words} if words else None)
    )
    yield words
    panels._panels.pop(("home", "extra"))


def test_the_clusters_register_their_home_panels_in_order() -> None:
    assert [panel.name for panel in panels.panels_of(page="home", region="main")][:3] == [
        "proposed-clusters",
        "pending",
        "suggestions",
    ]
    assert [panel.name for panel in panels.panels_of(page="firm", region="main")] == ["clusters", "reputation"]


def test_a_registered_panel_shows_only_when_it_has_something_to_show(
    db: Any, client: Any, extra_panel: list[str]
) -> None:
    _firm, owner = firm_with_owner()
    client.force_login(owner)
    assert 'data-testid="extra"' not in client.get("/").text
    extra_panel.append("hello")
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en").text
    assert '<section data-testid="extra">hello</section>' in page
    assert page.index("Suggested partners") < page.index('data-testid="extra"')  # order 100 comes after 30
