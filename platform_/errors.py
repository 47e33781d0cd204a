"""Domain errors, raised by services and mapped once to HTTP problems, form errors and socket frames."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the domain refused the request; the message is user-facing and translatable."""

    status_code = 400
    code = "invalid"

    def __init__(self, message: Any, *, code: str | None = None, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field
        if code is not None:
            self.code = code


class NotAllowed(DomainError):
    """The actor may not do this."""

    status_code = 403
    code = "permission_denied"


class NotFound(DomainError):
    """The object does not exist, or the actor may not know that it does."""

    status_code = 404
    code = "not_found"


class Conflict(DomainError):
    """The request conflicts with the current state (a duplicate, a stale version, a wrong status)."""

    status_code = 409
    code = "conflict"
