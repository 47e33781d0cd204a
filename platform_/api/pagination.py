"""Cursor pagination for every list endpoint: stable under inserts, constant cost per page."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import exceptions, pagination

from platform_.input import BadInput, text_clean


class CursorPagination(pagination.CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "-id"

    def decode_cursor(self, request: Any) -> pagination.Cursor | None:
        """A cursor the server did not issue is bad input (400), not a missing page (DRF's 404)."""
        try:
            cursor = super().decode_cursor(request)
            if cursor is not None and cursor.position is not None:
                text_clean(str(cursor.position))  # compared with a column: PostgreSQL refuses a NUL
        except (exceptions.NotFound, BadInput) as error:
            raise self.invalid_cursor() from error
        return cursor

    def paginate_queryset(self, queryset: Any, request: Any, view: Any = None) -> list[Any] | None:
        # A well-formed cursor may still carry a position the ordering column cannot hold (text for
        # an id, a NUL): the query refuses it with a ValueError, which is the caller's error too.
        try:
            return super().paginate_queryset(queryset, request, view)
        except (ValueError, TypeError, OverflowError) as error:
            if not request.query_params.get(self.cursor_query_param):
                raise
            raise self.invalid_cursor() from error

    def invalid_cursor(self) -> exceptions.ValidationError:
        return exceptions.ValidationError(
            {self.cursor_query_param: [_("This cursor is not valid: start again from the first page.")]},
            code="invalid_cursor",
        )
