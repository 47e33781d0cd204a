"""The labels of the phone sign-in's audit actions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from platform_.audit.labels import audit_labels_register

audit_labels_register(
    {
        "phone.sign_up": _("Signed up with a mobile number"),
        "phone.link": _("Mobile number added to the account"),
    }
)
