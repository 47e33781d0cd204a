"""Times on pages: in the viewer's time zone (China Standard Time by default) and their language's format."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import template
from django.utils import timezone
from django.utils.formats import date_format

register = template.Library()


@register.filter
def local_time(value: Any, fmt: str = "DATETIME_FORMAT") -> str:
    """A datetime, or an ISO 8601 string such as a selector's ``as_of``, as a reader sees time; "" if neither."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if not isinstance(value, datetime):
        return "" if value is None else str(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.get_default_timezone())
    return date_format(timezone.localtime(value), fmt)
