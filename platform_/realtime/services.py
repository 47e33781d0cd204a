"""Writes of live collaboration: chat messages (idempotent by client id), read marks, document updates."""

from __future__ import annotations

import threading
from typing import Any

import markdown
import nh3
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils.timezone import now
from django.utils.translation import gettext as _
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.nl2br import Nl2BrExtension
from pycrdt import Doc, Text, create_update_message

from platform_.errors import DomainError
from platform_.realtime import push
from platform_.realtime.groups import document_group
from platform_.realtime.models import ChatMessage, DocumentUpdate, RoomReadMark, SharedDocument

MAX_MESSAGE_CHARS = 4000
MAX_CLIENT_ID_CHARS = 64
COMPACT_AFTER_UPDATES = 100
ALLOWED_TAGS = {"p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "del"}


_parsers = threading.local()


def _markdown_parser() -> markdown.Markdown:
    """This thread's parser, built once and reset before each message.

    Building a ``markdown.Markdown`` per message cost more than the rendering itself (and the
    first build scanned entry points for the extensions named by string); an instance keeps
    state while it converts, so it is never shared between threads.
    """
    parser: markdown.Markdown | None = getattr(_parsers, "markdown", None)
    if parser is None:
        parser = markdown.Markdown(extensions=[FencedCodeExtension(), Nl2BrExtension()], output_format="html")
        _parsers.markdown = parser
    return parser


def markdown_render(text: str) -> str:
    """Markdown to HTML that is safe to show: only a small set of tags, links made inert for referrers."""
    html = _markdown_parser().reset().convert(text)
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

    One statement stores the message and advances the author's read mark: outside a
    transaction it commits on its own (all or nothing), one round trip to PostgreSQL instead
    of four (BEGIN, INSERT, the read-mark upsert, COMMIT), which was most of the time between
    a message's frame and its acknowledgement.
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
    body_html, created_at = markdown_render(body), now()
    messages, marks = ChatMessage._meta.db_table, RoomReadMark._meta.db_table
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                # The author has read everything up to their own message; a resend (same author and
                # client id) inserts nothing and leaves the read mark alone.
                f"WITH message AS ("  # noqa: S608 - table names are ours
                f" INSERT INTO {messages} (room, author_id, client_id, body, body_html, created_at)"
                f" VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (author_id, client_id) DO NOTHING RETURNING id"
                f"), mark AS ("
                f" INSERT INTO {marks} (user_id, room, last_read_id) SELECT %s, %s, id FROM message"
                f" ON CONFLICT (user_id, room) DO UPDATE SET last_read_id ="
                f" GREATEST({marks}.last_read_id, EXCLUDED.last_read_id)"
                f") SELECT id FROM message",
                [room, author.pk, client_id, body, body_html, created_at, author.pk, room],
            )
            row = cursor.fetchone()
    except IntegrityError:  # the author is gone
        raise DomainError(_("The message has no valid client id."), code="client_id") from None
    if row is None:  # a resend after a lost acknowledgement: the stored row answers
        existing = ChatMessage.objects.select_related("author").filter(author=author, client_id=client_id).first()
        if existing is None or existing.room != room:
            raise DomainError(_("The message has no valid client id."), code="client_id")
        return existing, False
    # The stored row as the ORM loads it (Model.from_db, the documented hook), from the values just
    # written: no query to read it back. The author is the one given, so nothing is fetched for it either.
    stored = {
        "id": row[0],
        "room": room,
        "author_id": author.pk,
        "client_id": client_id,
        "body": body,
        "body_html": body_html,
        "created_at": created_at,
    }
    fields = [field.attname for field in ChatMessage._meta.concrete_fields]
    message = ChatMessage.from_db(connection.alias, fields, [stored[name] for name in fields])
    message.author = author
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


def document_text_set(*, name: str, text: str) -> None:
    """The text of a co-edited document was changed at its source (a draft's brief saved through the form
    or the API): make the stored document say the same, and tell its open editors.

    Without this, the document kept the old text and the next write-back from an editor put it back over
    the change. The change is stored as one more Yjs update (the smallest replacement: common start and
    end kept), so editors who have the document open merge it like any other edit; it is relayed to them
    after the transaction commits. A document nobody has opened yet needs nothing: it starts from the
    source's text.
    """
    document = SharedDocument.objects.select_for_update().filter(name=name).first()
    if document is None:
        return
    doc = _stored(document)
    field = doc.get("codemirror", type=Text)
    old = str(field)
    if old == text:
        return
    start = 0
    while start < min(len(old), len(text)) and old[start] == text[start]:
        start += 1
    end = 0
    while end < min(len(old), len(text)) - start and old[len(old) - 1 - end] == text[len(text) - 1 - end]:
        end += 1
    state = doc.get_state()
    with doc.transaction():
        if len(old) - end > start:
            del field[start : len(old) - end]
        if len(text) - end > start:
            field.insert(start, text[start : len(text) - end])
    update = doc.get_update(state)
    DocumentUpdate.objects.create(document=document, data=update)
    frame = create_update_message(update)
    transaction.on_commit(
        lambda: push.group_send(document_group(name), {"type": "send_message", "message": frame, "sender": ""})
    )


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
    return _stored(document).get_update()


def _stored(document: SharedDocument) -> Doc:
    """The stored document: its snapshot with every later update applied."""
    doc: Doc = Doc()
    if document.snapshot:
        doc.apply_update(bytes(document.snapshot))
    for data in document.updates.order_by("id").values_list("data", flat=True):
        doc.apply_update(bytes(data))
    return doc


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
