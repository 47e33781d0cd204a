"""The labels of verification's audit actions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from platform_.audit.labels import audit_labels_register

audit_labels_register(
    {
        "firm.verify_request": _("Firm asked to be verified"),
        "firm.verify": _("Firm verified"),
        "firm.verify_reject": _("Firm verification refused"),
    }
)
