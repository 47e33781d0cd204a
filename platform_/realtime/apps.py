"""Realtime transport: WebSocket routing, socket authentication, group naming and server pushes."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RealtimeConfig(AppConfig):
    name = "platform_.realtime"
    label = "realtime"
    verbose_name = _("Live collaboration")

    def ready(self) -> None:
        from platform_.realtime import handlers

        handlers.subscribe()
