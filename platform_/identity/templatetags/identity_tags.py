"""Template helpers of identity: the firms a person may switch between."""

from __future__ import annotations

from typing import Any

from django import template

from platform_.identity.selectors import memberships_of

register = template.Library()


@register.simple_tag(takes_context=True)
def my_firms(context: dict[str, Any]) -> list[Any]:
    """The signed-in person's active firms (one query), for the firm switcher."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    return [membership.firm for membership in memberships_of(user=user) if membership.firm.is_active]
