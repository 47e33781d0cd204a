"""Membership history as sentences: each event's action and statuses in the reader's language, never as codes."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clusters.models import MembershipEvent, MembershipStatus

ACTIONS = {
    "found": _("Founded the cluster"),
    "join": _("Joined"),
    "apply": _("Applied to join"),
    "invite": _("Invited"),
    "accept": _("Accepted the invitation"),
    "decline": _("Declined the invitation"),
    "approve": _("Application approved"),
    "reject": _("Application rejected"),
    "withdraw": _("Application withdrawn"),
    "leave": _("Left the cluster"),
    "remove": _("Removed from the cluster"),
}


def status_label(code: str) -> str:
    return str(MembershipStatus(code).label) if code in MembershipStatus.values else code


def event_summary(event: MembershipEvent) -> str:
    """``Applied to join (now: Applied)``, ``Application approved (Applied → Member)``."""
    action = str(ACTIONS.get(event.action, event.action.replace("_", " ")))
    if not event.from_status:
        return gettext("%(action)s (now: %(to)s)") % {"action": action, "to": status_label(event.to_status)}
    return gettext("%(action)s (%(from)s → %(to)s)") % {
        "action": action,
        "from": status_label(event.from_status),
        "to": status_label(event.to_status),
    }
