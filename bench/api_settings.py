"""Settings of the partner-API benchmark server: production-like, plus one bare JSON view to compare with."""

from platform_.settings.base import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.api_urls"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
