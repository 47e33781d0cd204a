"""The labels of the agencies' audit actions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from platform_.audit.labels import audit_labels_register

audit_labels_register(
    {
        "agency.register": _("Agency registered"),
        "agency.verify": _("Agency verified"),
        "agency.reject": _("Agency not verified"),
        "cluster.endorse": _("Cluster endorsed"),
        "cluster.endorse_revoke": _("Cluster endorsement withdrawn"),
        "guidance.publish": _("Guidance published"),
    }
)
