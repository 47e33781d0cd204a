from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgenciesConfig(AppConfig):
    name = "agencies"
    verbose_name = _("Public agencies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from agencies import panels, webhooks  # noqa: F401 - webhooks registers the agencies' events on import

        panels.register()
