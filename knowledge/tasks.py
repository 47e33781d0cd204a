"""Background work of the knowledge domain: re-indexing assets (safe to run twice)."""

from __future__ import annotations

from celery import shared_task

from knowledge.search import index_asset


@shared_task(bind=True, max_retries=3, default_retry_delay=10)
def asset_reindex(self, asset_ids: list[int]) -> int:
    """Recompute the search documents of the given assets (after a dictionary or config change)."""
    from knowledge.models import Asset

    done = 0
    for asset_id in Asset.objects.filter(pk__in=asset_ids).values_list("pk", flat=True):
        index_asset(asset_id)
        done += 1
    return done
