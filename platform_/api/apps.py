from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "platform_.api"
    label = "partner_api"
    verbose_name = _("Partner API")

    def ready(self) -> None:
        from platform_ import events
        from platform_.api import authentication, webhooks  # noqa: F401 - registers the schema extension

        events.subscribe("*", webhooks.on_event)
