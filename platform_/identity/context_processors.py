"""Template context: the firm the person is acting for, and the firms they may switch to."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from platform_.identity.middleware import acting_firm


def current_firm(request: HttpRequest) -> dict[str, Any]:
    member = getattr(request, "firm_member", None)
    return {
        "current_firm_member": member if member else None,
        "current_firm": acting_firm(request),
    }
