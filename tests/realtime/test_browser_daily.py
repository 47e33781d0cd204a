"""Daily use in a real browser: the unread badge counts up live, and the English navigation fits on one
line at 1366 px with danger buttons that look like danger."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from platform_.notifications.messages import Message
from platform_.notifications.services import notify
from tests.factories import UserFactory
from tests.realtime.factories import session_cookie
from tests.realtime.servers import Server

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

LIVE = "() => document.documentElement.dataset.notificationsLive === '1'"
BADGE_SHOWS_ONE = (
    "() => { const b = document.querySelector('[data-testid=unread-count]'); return b && !b.hidden && "
    "b.textContent.trim() === '1'; }"
)
NAV_LINES = """() => {
  const tops = new Set(Array.from(document.querySelectorAll('.topbar-inner > *, .mainnav > *'))
    .filter(el => el.offsetParent !== null).map(el => Math.round(el.getBoundingClientRect().top / 12)));
  return {lines: tops.size, height: document.querySelector('.topbar').getBoundingClientRect().height};
}"""


def signed_in_page(page_factory: Any, server: Server, user: Any, locale: str = "zh-CN", width: int = 1280) -> Any:
    page = page_factory(locale)
    page.set_viewport_size({"width": width, "height": 800})
    page.context.add_cookies([{"name": "sessionid", "value": session_cookie(user), "url": server.url}])
    return page


def test_the_unread_badge_counts_up_without_a_reload(page_factory: Any, asgi_servers: list[Server]) -> None:
    reader = UserFactory.create(language="zh-hans")
    page = signed_in_page(page_factory, asgi_servers[0], reader)
    page.goto(asgi_servers[0].url + "/knowledge/")
    page.wait_for_function(LIVE)
    assert page.locator("[data-testid=unread-count]").is_hidden()
    with translation.override("en"):  # written by an English reader's action
        notify(recipients=[reader], kind="test", title=Message("Scores published: %(title)s", title="Loom"))
    page.wait_for_function(BADGE_SHOWS_ONE)
    assert "评分已公布" in page.locator(".live-toast").first.inner_text()  # the toast is in the reader's language


def test_the_english_navigation_fits_one_line_at_1366_px(page_factory: Any, asgi_servers: list[Server]) -> None:
    person = UserFactory.create(is_staff=True, language="en")
    page = signed_in_page(page_factory, asgi_servers[0], person, locale="en-US", width=1366)
    page.goto(asgi_servers[0].url + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    layout = page.evaluate(NAV_LINES)
    assert layout["height"] < 60, layout  # one row: brand, links, account and language switch
    assert page.locator("[data-testid=nav-rooms]").is_visible()


def test_danger_buttons_look_like_danger(page_factory: Any, asgi_servers: list[Server]) -> None:
    from tests.factories import firm_with_owner

    firm, owner = firm_with_owner()
    page = signed_in_page(page_factory, asgi_servers[0], owner)
    page.goto(asgi_servers[0].url + f"/firms/{firm.pk}/people/")
    button = page.locator("button.btn-danger").first
    colour = button.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour == "rgb(198, 40, 40)", colour  # --danger, not the brand blue of other buttons
