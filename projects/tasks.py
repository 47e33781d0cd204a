"""Background work of design projects: closing them for entries at their deadline."""

from __future__ import annotations

from celery import shared_task

from projects.services import projects_close_due


@shared_task(acks_late=True)
def close_due_projects() -> int:
    """Close every open project whose deadline has passed; safe to run twice (guards on status
    under a row lock), and harmless when a read already closed it."""
    return projects_close_due()
