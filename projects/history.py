"""Project history as sentences: each transition's action and statuses in the reader's language, never as codes."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from projects.models import ProjectStatus, ProjectTransition

ACTIONS = {
    "create": _("Draft created"),
    "submit": _("Submitted for review"),
    "publish": _("Published"),
    "approve": _("Approved"),
    "return": _("Returned to the sponsor"),
    "close": _("Closed for entries"),
    "start_judging": _("Judging started"),
    "award": _("Awarded"),
    "cancel": _("Cancelled"),
}


def status_label(code: str) -> str:
    return str(ProjectStatus(code).label) if code in ProjectStatus.values else code.replace("_", " ")


def transition_summary(transition: ProjectTransition) -> str:
    """``Published (Draft → Open for entries)``; a first transition names only where it led."""
    action = str(ACTIONS.get(transition.action, transition.action.replace("_", " ")))
    if not transition.from_status:
        return gettext("%(action)s (now: %(to)s)") % {"action": action, "to": status_label(transition.to_status)}
    return gettext("%(action)s (%(from)s → %(to)s)") % {
        "action": action,
        "from": status_label(transition.from_status),
        "to": status_label(transition.to_status),
    }
