"""The labels of privacy's audit actions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from platform_.audit.labels import audit_labels_register

audit_labels_register(
    {
        "consent.give": _("Consent given"),
        "consent.withdraw": _("Consent withdrawn"),
        "account.delete": _("Account deleted"),
        "firm.close": _("Firm closed"),
    }
)
