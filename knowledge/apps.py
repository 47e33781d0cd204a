from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge assets")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from knowledge import duplicates, webhooks  # noqa: F401 - registers its webhook events
        from knowledge.reference import sync_knowledge_categories

        post_migrate.connect(sync_knowledge_categories, sender=self, dispatch_uid="knowledge-categories")
        duplicates.register()
