from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BeltsConfig(AppConfig):
    name = "belts"
    verbose_name = _("Online industry belts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from belts import panels
        from belts.open_statistics import extract
        from observatory.compute import extract_register

        extract_register("belts", extract)
        panels.register()
