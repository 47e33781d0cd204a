"""The labels of the data exports' audit actions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from platform_.audit.labels import audit_labels_register

audit_labels_register(
    {
        "portability.export_requested": _("Data export requested"),
        "portability.export_built": _("Data export built"),
        "portability.export_downloaded": _("Data export downloaded"),
        "portability.export_expired": _("Data export expired"),
    }
)
