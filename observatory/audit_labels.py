"""The labels of the observatory's audit actions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from platform_.audit.labels import audit_labels_register

audit_labels_register(
    {
        "observatory.opt_in": _("Firm included in open statistics"),
        "observatory.opt_out": _("Firm left out of open statistics"),
    }
)
