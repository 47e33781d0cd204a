"""Read replicas: the reads of selectors that opt in go to the ``replica`` database when one is configured.

``DATABASE_REPLICA_URL`` adds the alias (platform_/settings/base.py); without it nothing changes. A selector
opts in with ``@replica_reads``, and its queries then read the replica, unless the caller is inside
``transaction.atomic`` (a service reading what it is about to write reads the primary). Writes and
migrations always go to ``default``, also for an object loaded from the replica. Only reads that may lag
the primary by the replica's delay opt in: a search, never a permission check before a file leaves or a
socket is accepted (docs/scaling.md).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper

REPLICA = "replica"

_reading: ContextVar[bool] = ContextVar("replica_reads", default=False)

P = ParamSpec("P")
R = TypeVar("R")


def replica_reads(selector: Callable[P, R]) -> Callable[P, R]:
    """The queries this selector runs read the replica (when there is one and no transaction is open).

    Only for selectors that evaluate their queries before returning: a lazy queryset returned to the
    caller is evaluated later, outside, on the primary.
    """

    @functools.wraps(selector)
    def reading(*args: P.args, **kwargs: P.kwargs) -> R:
        token = _reading.set(True)
        try:
            return selector(*args, **kwargs)
        finally:
            _reading.reset(token)

    return reading


def replica_in_use() -> bool:
    return _reading.get() and REPLICA in connections.settings and not connections[DEFAULT_DB_ALIAS].in_atomic_block


def read_connection() -> BaseDatabaseWrapper:
    """The connection a raw SQL read should use: the one the router would pick for a query here."""
    return connections[REPLICA if replica_in_use() else DEFAULT_DB_ALIAS]


class ReplicaRouter:
    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        # None: Django's choice (the database an instance came from, else default).
        return REPLICA if replica_in_use() else None

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return DEFAULT_DB_ALIAS  # never the replica, even for an object read from it

    def allow_relation(self, first: Any, second: Any, **hints: Any) -> bool | None:
        # The replica holds the primary's rows: an object read from it may be related to one of the primary.
        return True if {first._state.db, second._state.db} <= {DEFAULT_DB_ALIAS, REPLICA} else None

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool:
        return db != REPLICA  # its schema comes by replication
