from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdentityConfig(AppConfig):
    name = "platform_.identity"
    label = "identity"
    verbose_name = _("Identity and firms")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from platform_.identity.account import sync_site
        from platform_.identity.reference import sync_reference_data

        post_migrate.connect(sync_reference_data, sender=self, dispatch_uid="identity-reference-data")
        post_migrate.connect(sync_site, sender=self, dispatch_uid="identity-site")
