from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    name = "platform_.compliance"
    label = "compliance"
    verbose_name = _("Privacy and filings")
