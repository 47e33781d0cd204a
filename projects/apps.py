from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Design projects")

    def ready(self) -> None:
        from projects import duplicates, rooms, webhooks  # noqa: F401 - webhooks registers its events on import

        rooms.register()
        duplicates.register()
