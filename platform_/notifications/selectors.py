"""Reading a person's notifications (only ever their own)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from platform_.notifications.models import Notification


def notifications_for(*, user: Any) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-id")


def unread_count(*, user: Any) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
