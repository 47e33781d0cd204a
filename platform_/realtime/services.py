"""Writes of live collaboration: chat messages (idempotent by client id), read marks, document updates."""

from __future__ import annotations

from typing import Any

import markdown
import nh3
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from pycrdt import Doc, Text

from platform_.errors import DomainError
from platform_.realtime.models import ChatMessage, DocumentUpdate, RoomReadMark, SharedDocument

MAX_MESSAGE_CHARS = 4000
MAX_CLIENT_ID_CHARS = 64
COMPACT_AFTER_UPDATES = 100
ALLOWED_TAGS = {"p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "del"}


def markdown_render(text: str) -> str:
    """Markdown to HTML that is safe to show: only a small set of tags, links made inert for referrers."""
    html = markdown.markdown(text, extensions=["fenced_code", "nl2br"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def chat_post(*, room: str, author: Any, client_id: str, body: str) -> tuple[ChatMessage, bool]:
    """Store a message once per (author, client id); returns (message, created).

    The row is committed before the caller acknowledges it, so an acknowledged message is
    never lost; a resend after a lost acknowledgement returns the stored row.
    """
    body = (body or "").strip()
    client_id = (client_id or "").strip()
    if not body:
        raise DomainError(_("A message cannot be empty."), code="empty")
    if len(body) > MAX_MESSAGE_CHARS:
        raise DomainError(
            _("A message may have at most %(count)d characters.") % {"count": MAX_MESSAGE_CHARS}, code="too_long"
        )
    if not client_id or len(client_id) > MAX_CLIENT_ID_CHARS:
        raise DomainError(_("The message has no valid client id."), code="client_id")
    try:
        with transaction.atomic():
            message = ChatMessage.objects.create(
                room=room, author=author, client_id=client_id, body=body, body_html=markdown_render(body)
            )
            # The author has read everything up to their own message.
            _read_mark_advance(user_id=author.pk, room=room, message_id=message.pk)
    except IntegrityError:  # a resend after a lost acknowledgement: the stored row answers
        existing = ChatMessage.objects.select_related("author").filter(author=author, client_id=client_id).first()
        if existing is None or existing.room != room:
            raise DomainError(_("The message has no valid client id."), code="client_id") from None
        return existing, False
    return message, True


def _read_mark_advance(*, user_id: int, room: str, message_id: int) -> None:
    """One upsert that never moves a read mark backwards."""
    table = RoomReadMark._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (user_id, room, last_read_id) VALUES (%s, %s, %s) "  # noqa: S608 - table name is ours
            f"ON CONFLICT (user_id, room) DO UPDATE SET last_read_id = "
            f"GREATEST({table}.last_read_id, EXCLUDED.last_read_id)",
            [user_id, room, message_id],
        )


def room_mark_read(*, user: Any, room: str, message_id: int | None = None) -> int:
    """Mark the room read up to ``message_id`` (the latest when None); never moves backwards."""
    if message_id is None:
        message_id = ChatMessage.objects.filter(room=room).aggregate(latest=Max("id"))["latest"] or 0
    _read_mark_advance(user_id=user.pk, room=room, message_id=message_id)
    return message_id


def document_seed(*, name: str, text: str) -> None:
    """Create the document holding ``text`` unless it exists; concurrent first editors seed it once."""
    if not text or SharedDocument.objects.filter(name=name).exists():
        return
    doc: Doc = Doc()
    doc["codemirror"] = Text(text)
    SharedDocument.objects.get_or_create(name=name, defaults={"snapshot": doc.get_update()})


def document_state(*, name: str) -> bytes:
    """The whole document as one Yjs update: its snapshot with every later update applied."""
    document = SharedDocument.objects.filter(name=name).first()
    if document is None:
        return b""
    doc: Doc = Doc()
    if document.snapshot:
        doc.apply_update(bytes(document.snapshot))
    for data in document.updates.order_by("id").values_list("data", flat=True):
        doc.apply_update(bytes(data))
    return doc.get_update()


def document_update_append(*, name: str, update: bytes) -> None:
    """Store one update as received (before it is relayed); compact once enough have piled up."""
    document, _created = SharedDocument.objects.get_or_create(name=name)
    DocumentUpdate.objects.create(document=document, data=update)
    if document.updates.count() >= COMPACT_AFTER_UPDATES:
        document_compact(name=name)


@transaction.atomic
def document_compact(*, name: str) -> int:
    """Fold the stored updates into the snapshot; returns how many were folded."""
    document = SharedDocument.objects.select_for_update().filter(name=name).first()
    if document is None:
        return 0
    rows = list(document.updates.order_by("id").values_list("id", "data"))
    if not rows:
        return 0
    doc: Doc = Doc()
    if document.snapshot:
        doc.apply_update(bytes(document.snapshot))
    for _id, data in rows:
        doc.apply_update(bytes(data))
    document.snapshot = doc.get_update()
    document.save(update_fields=["snapshot", "updated_at"])
    DocumentUpdate.objects.filter(document=document, id__lte=rows[-1][0]).delete()
    return len(rows)
