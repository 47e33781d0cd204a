from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "platform_.api"
    label = "partner_api"
    verbose_name = _("Partner API")
