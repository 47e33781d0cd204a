"""Sending notifications: rows written in the caller's transaction, pushed and e-mailed after commit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from platform_.notifications.messages import Message, reader_language, render
from platform_.notifications.models import Notification


def notify(
    *,
    recipients: Iterable[Any],
    kind: str,
    title: str | Message,
    body: str | Message = "",
    url: str = "",
    data: dict[str, Any] | None = None,
    exclude: Any = None,
) -> list[Notification]:
    """Notify each person once; ``exclude`` (the actor) is not told of their own action.

    ``title`` and ``body`` are ``Message``s (a key and parameters, rendered in each reader's
    language whenever it is read, pushed or e-mailed) or language-neutral text such as a
    person's own words; the live push and the e-mail happen only if the transaction commits.
    """
    stored = {part: value.as_data() for part, value in (("title", title), ("body", body)) if isinstance(value, Message)}
    seen: set[int] = set()
    rows = []
    for user in recipients:
        if user is None or user.pk in seen or (exclude is not None and user.pk == exclude.pk):
            continue
        seen.add(user.pk)
        language = reader_language(user)
        row_data = {**(data or {}), "i18n": stored} if stored else dict(data or {})
        rows.append(
            Notification(
                recipient=user,
                kind=kind,
                title=render(stored.get("title"), fallback=str(title), language=language)[:300],
                body=render(stored.get("body"), fallback=str(body), language=language),
                url=url,
                data=row_data,
            )
        )
    created = Notification.objects.bulk_create(rows)
    ids = [row.pk for row in created]
    if ids:
        transaction.on_commit(lambda: _deliver(ids))
    return created


def _deliver(ids: list[int]) -> None:
    from platform_.notifications.tasks import deliver_notifications
    from platform_.realtime.push import push_notifications

    push_notifications(ids)
    deliver_notifications.delay(ids)


def notifications_mark_read(*, user: Any, ids: Iterable[int] | None = None) -> int:
    """Mark the person's notifications read (all of them when ``ids`` is None)."""
    queryset = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    return queryset.update(read_at=timezone.now())
