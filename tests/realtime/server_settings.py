"""Settings for ASGI server subprocesses in tests: the test settings, static files served from the finders."""

from platform_.settings.test import *  # noqa: F403

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
