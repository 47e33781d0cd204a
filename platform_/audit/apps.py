from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "platform_.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        # Each installed app's audit_labels.py registers the words for its actions (platform_/audit/labels.py).
        autodiscover_modules("audit_labels")
