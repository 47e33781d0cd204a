"""The spillover webhook event, heard by the firm it is about (registered when SpilloverConfig.ready imports this)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from platform_.api.webhooks import webhook_event_register

webhook_event_register(name="spillover.updated", description=_("Spillover figures were updated"))
