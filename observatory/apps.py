from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObservatoryConfig(AppConfig):
    name = "observatory"
    verbose_name = _("Open observatory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from observatory import handlers  # noqa: F401 - subscribes to the spillover run's completion
