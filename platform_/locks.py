"""PostgreSQL advisory locks: the one place the platform takes them.

Keys are any text (``"webhook-endpoint:42"``) or a 64-bit integer; text is hashed to a signed
64-bit key with SHA-256, so two callers naming the same thing share a lock and different names
practically never collide.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection


def lock_key(name: str | int) -> int:
    """A signed 64-bit advisory-lock key for ``name`` (integers are used as they are)."""
    if isinstance(name, int):
        return name
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


@contextmanager
def advisory_lock_try(name: str | int) -> Iterator[bool]:
    """Try a session-level lock without waiting; yields whether it is held, and releases it on exit.

    A session lock survives the caller's transactions and is released by PostgreSQL if the
    process dies, so it suits long jobs (a recompute, a webhook drain) that commit as they go.
    """
    key = lock_key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        held = bool(cursor.fetchone()[0])
    try:
        yield held
    finally:
        if held:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def advisory_lock_xact(name: str | int) -> None:
    """Wait for a lock held until the current transaction ends (call inside ``transaction.atomic``)."""
    if not connection.in_atomic_block:
        raise RuntimeError("advisory_lock_xact needs a transaction: call it inside transaction.atomic()")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key(name)])
