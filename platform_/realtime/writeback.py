"""Co-edited text written back to its source (a project's brief): at most once every
``REALTIME_WRITE_BACK_SECONDS`` per document in this process, and once more when the
document's last socket here leaves.

The text written is the stored document's, so every process that relays edits may write it:
the writes agree, and the source's own rule (checked for the last editor) decides.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from dataclasses import dataclass, field
from typing import Any

from channels.db import DatabaseSyncToAsync
from django.conf import settings

from platform_.errors import DomainError
from platform_.realtime import rooms

logger = logging.getLogger(__name__)

WRITE_BACK_SECONDS = 2.0


@dataclass
class _Document:
    kind: str
    object_id: int
    doc: str
    sockets: int = 0
    editor: Any = None  # who edited since the last write; None when nothing is left to write
    written_at: float = -math.inf
    task: asyncio.Task[None] | None = field(default=None, repr=False)


_documents: dict[str, _Document] = {}


def _interval() -> float:
    return float(getattr(settings, "REALTIME_WRITE_BACK_SECONDS", WRITE_BACK_SECONDS))


def join(*, name: str, kind: str, object_id: int, doc: str) -> None:
    """A socket opened the document."""
    if not rooms.document_writes_back(kind=kind, doc=doc):
        return
    entry = _documents.setdefault(name, _Document(kind=kind, object_id=object_id, doc=doc))
    entry.sockets += 1


def edited(*, name: str, by: Any) -> None:
    """``by`` (who may edit) stored a change: write the text back soon, at most once per interval."""
    entry = _documents.get(name)
    if entry is None:
        return
    entry.editor = by
    loop = asyncio.get_running_loop()
    if entry.task is not None and not entry.task.done() and entry.task.get_loop() is loop:
        return  # a write is already due: it will take this change too
    delay = max(0.0, entry.written_at + _interval() - time.monotonic())
    entry.task = loop.create_task(_write_later(name, delay))


async def leave(*, name: str) -> None:
    """A socket closed the document; the last one here writes what is left."""
    entry = _documents.get(name)
    if entry is None:
        return
    entry.sockets -= 1
    if entry.sockets > 0:
        return
    del _documents[name]
    if entry.task is not None and not entry.task.done():
        entry.task.cancel()
    await _write(entry)


async def _write_later(name: str, delay: float) -> None:
    await asyncio.sleep(delay)
    entry = _documents.get(name)
    if entry is not None:
        entry.task = None  # edits stored while this write runs schedule the next one
        await _write(entry)


async def _write(entry: _Document) -> None:
    by, entry.editor = entry.editor, None
    if by is None:
        return
    entry.written_at = time.monotonic()
    try:
        await DatabaseSyncToAsync(rooms.document_write_back, thread_sensitive=False)(
            kind=entry.kind, object_id=entry.object_id, doc=entry.doc, by=by
        )
    except DomainError as error:  # the editor may no longer change it, or the text is not acceptable
        logger.info("write-back of %s.%s.%s refused: %s", entry.kind, entry.object_id, entry.doc, error)
    except Exception:
        logger.exception("write-back of %s.%s.%s failed", entry.kind, entry.object_id, entry.doc)
