"""Domain events that change who may be in a room: every socket of the people concerned re-checks."""

from __future__ import annotations

import fnmatch
from typing import Any

from platform_ import events
from platform_.identity.models import FirmMember
from platform_.realtime import rooms
from platform_.realtime.groups import document_group, document_name, room_group, room_key, user_group
from platform_.realtime.push import group_send

# Events about people (a firm's people changed); each kind of room adds its own (rooms.RoomKind.recheck_events).
WATCHED_EVENTS = ("firm.member*",)


def subscribe() -> None:
    """Re-check on the platform's events and on those of every kind of room, now and when one registers."""
    for pattern in WATCHED_EVENTS:
        events.subscribe(pattern, on_access_changed)
    rooms.on_room_kind_registered(_watch)


def _watch(kind: rooms.RoomKind) -> None:
    for pattern in kind.recheck_events:
        events.subscribe(pattern, on_access_changed)


def on_access_changed(name: str, payload: dict[str, Any]) -> None:
    """Tell the sockets of the firm's people (or of the one person) to re-check and close if refused."""
    user_ids: set[int] = set()
    if payload.get("user_id"):
        user_ids.add(int(payload["user_id"]))
    if payload.get("firm_id"):
        user_ids.update(FirmMember.objects.filter(firm_id=payload["firm_id"]).values_list("user_id", flat=True))
    for user_id in sorted(user_ids):
        group_send(user_group(user_id), {"type": "realtime.recheck", "event": name})
    if user_ids:
        return
    # An event about a room itself (a project's status): everyone in the room and its documents re-checks.
    for kind in rooms.room_kinds():
        if not kind.recheck_key or not payload.get(kind.recheck_key):
            continue
        if not any(fnmatch.fnmatchcase(name, pattern) for pattern in kind.recheck_events):
            continue
        object_id = int(payload[kind.recheck_key])
        group_send(room_group(room_key(kind.name, object_id)), {"type": "realtime.recheck", "event": name})
        for doc in rooms.room_documents(kind=kind.name):
            group_send(
                document_group(document_name(kind.name, object_id, doc)), {"type": "realtime.recheck", "event": name}
            )
