"""The belts' panels on the platform's pages (``platform_.panels``), registered from BeltsConfig.ready():
on the home page, the belts that suggest the acting firm and wait for its answer, and a link to its belts."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from belts.selectors import belts_for_firm
from platform_.panels import Panel, panel_register


def _firm(request: HttpRequest) -> Any:
    firm = getattr(request, "firm", None) if request.user.is_authenticated else None
    return firm if firm else None


def suggested(request: HttpRequest) -> dict[str, Any] | None:
    firm = _firm(request)
    if firm is None:
        return None
    waiting = [belt for belt, answer in belts_for_firm(firm=firm) if answer is None]
    return {"suggested_belts": waiting} if waiting else None


def link(request: HttpRequest) -> dict[str, Any] | None:
    return {} if _firm(request) is not None else None


def register() -> None:
    panel_register(Panel("belts", "home", "firm_links", "belts/panels/link_belts.html", link, order=40))
    panel_register(Panel("belts-suggested", "home", "main", "belts/panels/suggested.html", suggested, order=40))
