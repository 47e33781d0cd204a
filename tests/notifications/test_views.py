"""The notifications page: one's own notifications only, marking read, and the unread count in the nav."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from platform_.notifications.models import Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _note(user: Any, title: str = "Hello") -> Notification:
    return Notification.objects.create(recipient=user, kind="test", title=title, url="/clusters/")


def test_page_lists_only_ones_own_notifications(client: Any, user: Any) -> None:
    _note(user, "Mine")
    _note(UserFactory.create(), "Someone else's")
    client.force_login(user)
    response = client.get(reverse("notifications:index"))
    assert "Mine" in response.text
    assert "Someone else&#x27;s" not in response.text
    assert "Someone else's" not in response.text


def test_nav_shows_the_unread_count(client: Any, user: Any) -> None:
    _note(user)
    _note(user)
    client.force_login(user)
    response = client.get("/")
    assert 'data-testid="unread-count">2<' in response.text


def test_marking_one_read(client: Any, user: Any) -> None:
    note, other = _note(user), _note(user)
    client.force_login(user)
    response = client.post(reverse("notifications:mark-read"), {"id": note.pk})
    assert response.status_code == 302
    note.refresh_from_db()
    other.refresh_from_db()
    assert note.read_at is not None
    assert other.read_at is None


def test_marking_all_read(client: Any, user: Any) -> None:
    _note(user)
    _note(user)
    client.force_login(user)
    client.post(reverse("notifications:mark-read"))
    assert not Notification.objects.filter(recipient=user, read_at__isnull=True).exists()


def test_one_cannot_mark_another_persons_notification(client: Any, user: Any) -> None:
    foreign = _note(UserFactory.create())
    client.force_login(user)
    client.post(reverse("notifications:mark-read"), {"id": foreign.pk})
    foreign.refresh_from_db()
    assert foreign.read_at is None


def test_unread_filter(client: Any, user: Any) -> None:
    read = _note(user, "Old news")
    client.force_login(user)
    client.post(reverse("notifications:mark-read"), {"id": read.pk})
    _note(user, "Fresh news")
    response = client.get(reverse("notifications:index"), {"unread": "1"})
    assert "Fresh news" in response.text
    assert "Old news" not in response.text


def test_page_requires_signing_in(client: Any) -> None:
    assert client.get(reverse("notifications:index")).status_code == 302


def test_query_count_does_not_grow_with_notifications(client: Any, user: Any) -> None:
    _note(user)
    client.force_login(user)
    url = reverse("notifications:index")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(10):
        _note(user, f"n{index}")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
