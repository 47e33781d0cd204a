from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge assets")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from knowledge import duplicates, webhooks  # noqa: F401 - registers its webhook events
        from knowledge.reference import sync_knowledge_categories
        from knowledge.tiers import on_asset_event, on_scores_changed
        from platform_ import warmup
        from platform_.events import subscribe

        post_migrate.connect(sync_knowledge_categories, sender=self, dispatch_uid="knowledge-categories")
        # Contributions change when assets are published, taken down or restored, and when scores change.
        subscribe("asset.published", on_asset_event)
        subscribe("asset.taken_down", on_asset_event)
        subscribe("spillover.run.completed", on_scores_changed)
        duplicates.register()
        from knowledge.warm import warm_search

        warmup.register("search", warm_search)  # the segmenter and dictionaries, before any query
