from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpilloverConfig(AppConfig):
    name = "spillover"
    verbose_name = _("Knowledge spillover")
