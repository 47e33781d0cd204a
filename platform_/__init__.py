"""The project package: settings, URLs, ASGI and Celery apps, and the platform-wide services."""

from platform_.celery import app as celery_app

__all__ = ["celery_app"]
