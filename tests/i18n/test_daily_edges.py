"""Daily-use edges: the favicon, the rooms link, danger buttons, helpful empty states, live badge markup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_favicon_ico_is_answered(client: Any) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("/static/favicon.ico")
    assert (ROOT / "static" / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # an icon file


def test_navigation_links_the_rooms(client: Any, user: Any) -> None:
    client.force_login(user)
    text = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-hans").text
    assert f'href="{reverse("realtime:list")}" data-testid="nav-rooms"' in text


def test_the_unread_badge_is_always_there_for_the_live_count(client: Any, user: Any) -> None:
    client.force_login(user)
    text = client.get("/").text
    assert 'data-notification-count hidden data-testid="unread-count"' in text


def test_an_empty_search_says_what_to_try(client: Any, user: Any) -> None:
    client.force_login(user)
    text = client.get(reverse("knowledge:index"), {"q": "zzqxnothing"}, HTTP_ACCEPT_LANGUAGE="zh-hans").text
    assert 'data-testid="empty-results"' in text
    assert "另一种语言的内容也会一并搜索" in text


def test_empty_notifications_say_what_will_come(client: Any, user: Any) -> None:
    client.force_login(user)
    text = client.get(reverse("notifications:index"), HTTP_ACCEPT_LANGUAGE="zh-hans").text
    assert 'data-testid="notifications-empty"' in text
