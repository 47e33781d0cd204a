"""Server-side pushes to sockets; called after commit by the services that change things."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from platform_.realtime.groups import user_group

logger = logging.getLogger(__name__)


def group_send(group: str, message: dict[str, Any]) -> None:
    """Send to a group; a channel-layer outage is logged, never raised into the request."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        if _loop_running():
            # Called from a thread that runs an event loop (a sync caller inside async code):
            # async_to_sync refuses that thread, so the send runs in a thread of its own.
            with ThreadPoolExecutor(max_workers=1) as pool:
                pool.submit(async_to_sync(layer.group_send), group, message).result()
        else:
            async_to_sync(layer.group_send)(group, message)
    except Exception:  # the write has committed; a lost push is recovered by the client's resync
        logger.exception("group_send to %s failed", group)


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def push_notifications(ids: list[int]) -> None:
    from platform_.notifications.messages import reader_language
    from platform_.notifications.models import Notification

    notes = Notification.objects.filter(pk__in=ids).select_related("recipient")
    for note in notes.only("id", "recipient__language", "kind", "title", "url", "data"):
        title = note.title_in(reader_language(note.recipient))
        group_send(
            user_group(note.recipient_id),
            {
                "type": "notification.new",
                "notification": {"id": note.pk, "kind": note.kind, "title": title, "url": note.url},
            },
        )
