"""Audit actions as words: each domain registers the labels of its actions (``<app>/audit_labels.py``).

The log stores stable codes (``project.terms_accept``) because filters and exports rely on them;
pages show the label in the reader's language instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext

_LABELS: dict[str, Any] = {}


def audit_labels_register(labels: Mapping[str, Any]) -> None:
    """Register ``{action code: lazy translated label}``; a later registration of a code wins."""
    _LABELS.update(labels)


def audit_action_label(action: str) -> str:
    """The action's label in the active language; an unregistered code says so rather than pass as a word."""
    label = _LABELS.get(action)
    if label is not None:
        return str(label)
    return gettext("Other action (%(code)s)") % {"code": action}


def audit_actions_registered() -> dict[str, Any]:
    return dict(_LABELS)
