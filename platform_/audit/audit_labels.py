"""The labels of the platform's own audit actions: firms and their people, API keys, webhooks."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from platform_.audit.labels import audit_labels_register

audit_labels_register(
    {
        "firm.create": _("Firm registered"),
        "firm.update": _("Firm profile changed"),
        "firm.invite": _("Person invited to the firm"),
        "firm.join": _("Person joined the firm"),
        "firm.leave": _("Person left the firm"),
        "firm.role": _("Person's role in the firm changed"),
        "api_key.create": _("API key created"),
        "api_key.revoke": _("API key revoked"),
        "webhook.create": _("Webhook created"),
        "webhook.update": _("Webhook changed"),
        "webhook.delete": _("Webhook deleted"),
        "webhook.replay": _("Webhook delivery replayed"),
        "duplicates.flag": _("Possible duplicate flagged"),
        "duplicates.new_version": _("Duplicate linked as a new version"),
        "duplicates.cite": _("Duplicate cited"),
        "duplicates.not_duplicate": _("Marked as not a duplicate"),
        "webhook.robot_add": _("Group-chat robot added"),
    }
)
