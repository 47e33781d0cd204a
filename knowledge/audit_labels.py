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
        "asset.appeal": _("Take-down appealed"),
        "asset.appeal_upheld": _("Take-down upheld on appeal"),
        "asset.restore": _("Asset restored"),
        "asset.embargo": _("Embargo set on an asset"),
        "asset.embargo_ended": _("Asset embargo ended"),
        "asset.embargo_lifted": _("Asset embargo lifted"),
        "asset.version_submitted": _("New version submitted for review"),
        "asset.version_approved": _("New version approved"),
        "asset.version_refused": _("New version refused"),
        "contributor.granted": _("Contributors tier granted"),
        "contributor.revoked": _("Contributors tier lost"),
        "contributor_rule.set": _("Contributors rule set"),
        "entry.cite": _("Entry cites an asset"),
        "grant.access.term": _("End date set on an access grant"),
        "grant.licence.term": _("End date set on a licence"),
        "grant.access.ended": _("Access grant ended"),
        "grant.licence.ended": _("Licence ended"),
    }
)
