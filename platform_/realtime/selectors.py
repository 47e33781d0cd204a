"""Reads of live collaboration: chat history pages, unread counts and co-edited text."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, OuterRef, Q, Subquery
from pycrdt import Doc, Text

from platform_.realtime.models import ChatMessage, RoomReadMark
from platform_.realtime.services import document_state

PAGE_SIZE = 50


def chat_message_payload(message: ChatMessage) -> dict[str, Any]:
    return {
        "id": message.pk,
        "client_id": message.client_id,
        "author": {"id": message.author_id, "name": message.author.display_name or message.author.email},
        "html": message.body_html,
        "created_at": message.created_at.isoformat(),
    }


def chat_history(*, room: str, before: int | None = None, limit: int = PAGE_SIZE) -> list[dict[str, Any]]:
    """One page of a room's messages, oldest first, ending just before ``before`` (the newest if None)."""
    limit = max(1, min(limit, PAGE_SIZE))
    queryset = ChatMessage.objects.filter(room=room).select_related("author")
    if before is not None:
        queryset = queryset.filter(id__lt=before)
    rows = list(queryset.order_by("-id")[:limit])
    rows.reverse()
    return [chat_message_payload(row) for row in rows]


def unread_counts(*, user: Any, rooms: list[str]) -> dict[str, int]:
    """Messages by others after the person's read mark, per room, in one query."""
    if not rooms:
        return {}
    mark = RoomReadMark.objects.filter(user=user, room=OuterRef("room")).values("last_read_id")[:1]
    rows = (
        ChatMessage.objects.filter(room__in=rooms)
        .exclude(author=user)
        .annotate(mark=Subquery(mark))
        .filter(Q(mark__isnull=True) | Q(id__gt=F("mark")))
        .values("room")
        .annotate(count=Count("id"))
    )
    counts = dict.fromkeys(rooms, 0)
    for row in rows:
        counts[row["room"]] = row["count"]
    return counts


def document_text(*, name: str, field: str = "codemirror") -> str:
    """The plain text of a co-edited document (the browser editor binds the Y.Text ``codemirror``)."""
    state = document_state(name=name)
    if not state:
        return ""
    doc: Doc = Doc()
    doc.apply_update(state)
    return str(doc.get(field, type=Text))
