"""Production settings: secure cookies, HSTS, JSON logs; SECRET_KEY must come from the environment."""

import os

from platform_.settings.environment import env_required

# Production never starts or invents servers or keys: without them it refuses to start, naming what is missing.
env_required(
    "SECRET_KEY",
    "DATABASE_URL",
    "REDIS_URL",
    hint="Production settings need the real PostgreSQL and Redis URLs and a secret key; "
    "the embedded servers of `make run` are for development and tests only.",
)

from platform_.settings.base import *  # noqa: E402, F403

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
LOGGING["handlers"]["console"]["formatter"] = "json"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
WEBHOOK_ALLOW_LOOPBACK = False
