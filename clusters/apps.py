from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClustersConfig(AppConfig):
    name = "clusters"
    verbose_name = _("Virtual clusters")

    def ready(self) -> None:
        from clusters import panels, rooms, webhooks  # noqa: F401 - webhooks registers its events on import

        rooms.register()
        panels.register()
