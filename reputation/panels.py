"""Reputation's panels (``platform_.panels``), registered from ReputationConfig.ready(): a firm's track
record on its page, and a link to one's own record on the home page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from platform_.identity.models import Firm
from platform_.panels import Panel, panel_register
from reputation.selectors import firm_track_record


def firm_record(request: HttpRequest, *, firm: Firm) -> dict[str, Any]:
    return {"record": firm_track_record(firm=firm), "firm": firm}


def own_record_link(request: HttpRequest) -> dict[str, Any] | None:
    return {} if request.user.is_authenticated else None


def register() -> None:
    from reputation import partners

    folder = "reputation/panels"
    panel_register(Panel("reputation", "firm", "main", f"{folder}/firm_record.html", firm_record, order=40))
    panel_register(Panel("track-record", "home", "firm_links", f"{folder}/link_record.html", own_record_link, order=60))
    partners.register()
