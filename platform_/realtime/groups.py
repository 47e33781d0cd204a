"""The one place that names channel-layer groups and rooms."""

from __future__ import annotations

from typing import Any


def user_group(user_id: int) -> str:
    """Every socket of one person: notifications and membership re-checks."""
    return f"user.{user_id}"


def room_key(kind: str, object_id: int) -> str:
    """The stored name of a room (chat rows and read marks use it)."""
    return f"{kind}.{object_id}"


def room_group(key: str) -> str:
    return f"room.{key}"


def document_name(kind: str, object_id: int, doc: str) -> str:
    """The stored name of a co-edited document: ``project.7.brief``, ``cluster.3.notes``."""
    return f"{kind}.{object_id}.{doc}"


def document_group(name: str) -> str:
    return f"doc.{name}"


def presence_key(key: str) -> str:
    """Redis sorted set of who is in a room: member ``<user id>|<channel>``, score = expiry time."""
    from django.conf import settings

    config: Any = settings.CHANNEL_LAYERS["default"]["CONFIG"]
    prefix = config.get("prefix", "asgi")
    return f"{prefix}:presence:{key}"
