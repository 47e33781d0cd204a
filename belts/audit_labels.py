"""The labels of the industry belts' audit actions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from platform_.audit.labels import audit_labels_register

audit_labels_register(
    {
        "belt.create": _("Industry belt created"),
        "belt.confirmed": _("Membership of an industry belt confirmed"),
        "belt.declined": _("Membership of an industry belt declined"),
    }
)
