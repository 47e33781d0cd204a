"""The agencies' periodic work: the clusters' activity their dashboard shows."""

from __future__ import annotations

from celery import shared_task

from agencies import services


@shared_task(acks_late=True, name="agencies.tasks.refresh_cluster_activity")
def refresh_cluster_activity() -> int:
    """Every cluster's assets and twelve months of use, stored for the dashboard (beat: hourly)."""
    return services.cluster_activity_refresh()
