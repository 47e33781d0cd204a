"""The labels of the knowledge assets' audit actions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from platform_.audit.labels import audit_labels_register

audit_labels_register(
    {
        "asset.create": _("Asset created"),
        "asset.submit": _("Asset submitted for review"),
        "asset.approve": _("Asset approved"),
        "asset.reject": _("Asset rejected"),
        "asset.request_changes": _("Changes asked for an asset"),
        "asset.take_down": _("Asset taken down"),
        "asset.citation": _("Asset cited"),
        "asset.derivation": _("Asset built upon"),
        "coownership.request": _("Co-ownership requested"),
        "coownership.accepted": _("Co-ownership accepted"),
        "coownership.declined": _("Co-ownership declined"),
        "coownership.withdrawn": _("Co-ownership request withdrawn"),
        "licencerequest.granted": _("Licence granted"),
        "licencerequest.refused": _("Licence refused"),
        "accessrequest.granted": _("Access granted"),
        "accessrequest.refused": _("Access refused"),
    }
)
