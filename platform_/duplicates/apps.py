from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DuplicatesConfig(AppConfig):
    name = "platform_.duplicates"
    label = "duplicates"
    verbose_name = _("Duplicate detection")
