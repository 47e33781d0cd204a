"""The Celery application; tasks live in each domain's tasks.py."""

import os
from typing import Any

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_.settings.dev")

app = Celery("platform_")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def _warm_up(**_kwargs: Any) -> None:
    """Before the worker takes tasks (and before its pool forks): see platform_/warmup.py."""
    from platform_ import warmup

    warmup.run()


# Its signal handlers (who holds which message, and that it is alive) and its sweep task.
from platform_ import task_recovery  # noqa: E402, F401
