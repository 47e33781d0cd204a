"""The rooms registry: each domain registers its kinds of room (who may enter, the documents co-edited
there, who may change them, where their text goes back), and sockets, pages and handlers ask here.

A domain registers its kinds from its AppConfig.ready() (``clusters/rooms.py``, ``projects/rooms.py``);
this module knows no domain. A kind nobody registered has no room: nobody may enter it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from platform_.realtime.groups import document_name
from platform_.realtime.selectors import document_text

KIND_PATTERN = r"[a-z]{1,20}"  # what a kind may be named: the URL routes accept it, the registry decides


@dataclass(frozen=True)
class RoomDocument:
    """A document co-edited in every room of a kind.

    ``editable(user=, object_id=)`` says who may change it (None: everyone allowed in the room);
    ``initial_text(object_id=)`` is what it starts from before anyone edits it; ``write_back(object_id=,
    text=, by=)`` stores its text at its source, as ``by``, calling ``text()`` once it holds whatever lock
    orders concurrent writers (it raises the source's domain error when ``by`` may not).
    """

    name: str
    label: Any  # a lazy translated string
    editable: Callable[..., bool] | None = None
    initial_text: Callable[..., str] | None = None
    write_back: Callable[..., None] | None = None


def shared_notes() -> RoomDocument:
    """Notes everyone in the room may read and change."""
    return RoomDocument(name="notes", label=_("Shared notes"))


@dataclass(frozen=True)
class RoomKind:
    """A kind of room. ``allowed(user=, object_id=)`` decides who may enter (called for signed-in, active
    people only); ``titles(ids=)`` names many rooms in one query; ``listed(user=)`` gives the ids of the rooms
    of this kind the room list shows (None: the kind is not listed there). ``recheck_events`` are event
    patterns after which everyone in the room named by the payload's ``recheck_key`` checks again whether
    they may stay (events about people are rechecked per person whatever the kind)."""

    name: str
    allowed: Callable[..., bool]
    titles: Callable[..., dict[int, str]]
    documents: tuple[RoomDocument, ...] = ()
    listed: Callable[..., list[int]] | None = None
    recheck_events: tuple[str, ...] = ()
    recheck_key: str = ""
    _documents: dict[str, RoomDocument] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_documents", {document.name: document for document in self.documents})

    def document(self, name: str) -> RoomDocument | None:
        return self._documents.get(name)


_kinds: dict[str, RoomKind] = {}
_subscribers: list[Callable[[RoomKind], None]] = []


def room_kind_register(kind: RoomKind) -> None:
    """Register (or replace) a kind of room; called from the owning domain's AppConfig.ready()."""
    _kinds[kind.name] = kind
    for subscriber in _subscribers:
        subscriber(kind)


def on_room_kind_registered(subscriber: Callable[[RoomKind], None]) -> None:
    """Call ``subscriber(kind)`` for every kind registered, now and later (the access handlers subscribe)."""
    _subscribers.append(subscriber)
    for kind in list(_kinds.values()):
        subscriber(kind)


def room_kind(name: str) -> RoomKind | None:
    return _kinds.get(name)


def room_kinds() -> list[RoomKind]:
    return list(_kinds.values())


def _signed_in(user: Any) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def room_allowed(*, user: Any, kind: str, object_id: int) -> bool:
    """May ``user`` enter the room? The kind's own rule decides; unknown kinds refuse everyone."""
    registered = _kinds.get(kind)
    if registered is None or not _signed_in(user):
        return False
    return bool(registered.allowed(user=user, object_id=object_id))


def room_documents(*, kind: str) -> tuple[str, ...]:
    """The names of the documents co-edited in rooms of ``kind``."""
    registered = _kinds.get(kind)
    return tuple(document.name for document in registered.documents) if registered else ()


def _document(kind: str, doc: str) -> RoomDocument | None:
    registered = _kinds.get(kind)
    return registered.document(doc) if registered else None


def document_label(*, kind: str, doc: str) -> str:
    document = _document(kind, doc)
    return str(document.label) if document else doc


def document_allowed(*, user: Any, kind: str, object_id: int, doc: str) -> bool:
    return _document(kind, doc) is not None and room_allowed(user=user, kind=kind, object_id=object_id)


def document_editable(*, user: Any, kind: str, object_id: int, doc: str) -> bool:
    """Who may change a document; everyone allowed in the room may read it (the kind's rule decides)."""
    if not document_allowed(user=user, kind=kind, object_id=object_id, doc=doc):
        return False
    document = _document(kind, doc)
    assert document is not None  # document_allowed checked it
    return document.editable is None or bool(document.editable(user=user, object_id=object_id))


def document_writes_back(*, kind: str, doc: str) -> bool:
    """Does the document's text go back to where it came from (a project's brief)?"""
    document = _document(kind, doc)
    return document is not None and document.write_back is not None


def document_write_back(*, kind: str, object_id: int, doc: str, by: Any) -> None:
    """Write the document's current text to its source, as ``by``; the source's own rule decides.

    Raises the domain's error (NotAllowed when ``by`` may no longer change it).
    """
    document = _document(kind, doc)
    if document is None or document.write_back is None:
        return
    name = document_name(kind, object_id, doc)
    with transaction.atomic():
        document.write_back(object_id=object_id, text=lambda: document_text(name=name), by=by)


def document_initial_text(*, kind: str, object_id: int, doc: str) -> str:
    """What a document starts from before anyone edits it (a project's brief as written), or nothing."""
    document = _document(kind, doc)
    if document is None or document.initial_text is None:
        return ""
    return document.initial_text(object_id=object_id) or ""


def room_title(*, kind: str, object_id: int) -> str:
    return room_titles(entries=[(kind, object_id)]).get((kind, object_id), "")


def room_titles(*, entries: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """Titles of many rooms: one query per kind."""
    ids: dict[str, list[int]] = {}
    for kind, object_id in entries:
        ids.setdefault(kind, []).append(object_id)
    titles: dict[tuple[str, int], str] = {}
    for kind, object_ids in ids.items():
        registered = _kinds.get(kind)
        if registered is not None:
            titles.update(((kind, pk), title) for pk, title in registered.titles(ids=object_ids).items())
    return titles


def rooms_of(*, user: Any) -> list[tuple[str, int]]:
    """The rooms the room list shows a person: every listed kind's, in the order the kinds were registered
    (project rooms are not listed: they are reached from the projects' pages)."""
    if user is None or not user.is_authenticated:
        return []
    return [
        (kind.name, object_id)
        for kind in _kinds.values()
        if kind.listed is not None
        for object_id in kind.listed(user=user)
    ]
