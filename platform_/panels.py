"""Page panels: the platform's pages (the home page, a firm's page) show what each domain registers.

A panel is a template, a function giving its context (or None when it has nothing to show) and an
order. A domain registers its panels from its AppConfig.ready() (``clusters/panels.py``); the page
renders the panels of each of its regions in order. This module knows no domain.

Pages and regions:

- ``home``: ``firm_links`` (links on the acting firm's card, joined by " · "), ``firm`` (cards beside
  the firm's card), ``main`` (cards below them). The context function receives the request.
- ``firm``: ``main`` (cards below a firm's profile). The context function receives the request and
  ``firm``.
- ``cluster``: ``main`` (cards on a cluster's page, above its members). The context function receives
  the request and ``cluster``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Panel:
    name: str
    page: str
    region: str
    template: str
    context: Callable[..., dict[str, Any] | None]  # (request, **page arguments) -> context, or None: not shown
    order: int = 100


_panels: dict[tuple[str, str], Panel] = {}


def panel_register(panel: Panel) -> None:
    """Register (or replace, by page and name) a panel; called from the owning domain's AppConfig.ready()."""
    _panels[(panel.page, panel.name)] = panel


def panels_of(*, page: str, region: str) -> list[Panel]:
    return sorted(
        (panel for panel in _panels.values() if panel.page == page and panel.region == region),
        key=lambda panel: (panel.order, panel.name),
    )


def panels_render(*, page: str, region: str, request: HttpRequest, **arguments: Any) -> list[SafeString]:
    """The HTML of the region's panels that have something to show, in order."""
    rendered = []
    for panel in panels_of(page=page, region=region):
        context = panel.context(request, **arguments)
        if context is not None:
            rendered.append(render_to_string(panel.template, context, request=request))
    return rendered
