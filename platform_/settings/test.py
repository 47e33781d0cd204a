"""Test settings: real PostgreSQL and Redis, isolated prefixes, fast hashing, e-mails kept in memory."""

import os

from platform_.settings.base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
_worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
CACHES["default"]["KEY_PREFIX"] = f"test-{_worker}"  # noqa: F405
CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = f"test-asgi-{_worker}"  # noqa: F405
MEDIA_ROOT = BASE_DIR / ".local" / "test-media"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
CELERY_TASK_ALWAYS_EAGER = False
WEBHOOK_ALLOW_LOOPBACK = True  # the webhook tests' receivers listen on 127.0.0.1 (nothing else is let through)
# The whole suite calls the API anonymously from one address; the throttle's own test sets a small rate.
API_ANON_RATE = os.environ.get("API_ANON_RATE", "100000/min")
SMS_BACKEND = "platform_.phone.sms.OutboxBackend"  # codes kept in platform_.phone.sms.outbox
WARM_UP_AT_START = False  # each test process would load search dictionaries for nothing (platform_/warmup.py)
