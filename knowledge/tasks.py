"""Background work of the knowledge domain: re-indexing, contributor standings, grant terms (safe to run twice)."""

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


@shared_task
def contributors_recompute_all() -> int:
    """Daily: assets leave the counting window of the contributor rules as time passes."""
    from knowledge.tiers import contributors_recompute

    return len(contributors_recompute())


@shared_task
def grant_terms_sweep() -> dict[str, int]:
    """Hourly: remind before grants end, close ended grants, re-index assets whose embargo has passed."""
    from knowledge.embargo import grant_terms_sweep as sweep

    return sweep()
