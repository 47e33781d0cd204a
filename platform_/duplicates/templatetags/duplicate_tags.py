"""Template helper of duplicate detection: a submission's flags, for its submitter and its moderators."""

from __future__ import annotations

from typing import Any

from django import template

from platform_.duplicates.selectors import flags_for
from platform_.identity.middleware import acting_firm

register = template.Library()


@register.inclusion_tag("duplicates/_flags.html", takes_context=True)
def duplicate_flags(context: dict[str, Any], kind: str, subject_id: int) -> dict[str, Any]:
    """``{% duplicate_flags "knowledge.asset" asset.pk %}``: nothing for a person who may not review it."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or user is None or not user.is_authenticated:
        return {"flags": []}
    role, shown = flags_for(user=user, firm=acting_firm(request), kind=kind, subject_id=subject_id)
    return {"flags": shown, "role": role, "next": request.get_full_path(), "request": request}
