"""The Celery application; tasks live in each domain's tasks.py."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_.settings.dev")

app = Celery("platform_")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
