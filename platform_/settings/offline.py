"""Settings for commands that load settings but never connect: type checking (django-stubs) and translations.

The URLs point at a reserved name that never resolves (RFC 2606 ``.invalid``), so nothing is started and
nothing is reached; a command that does connect fails at once instead of touching a real server.
"""

import os

os.environ.setdefault("DATABASE_URL", "postgres://offline@offline.invalid/offline")
os.environ.setdefault("REDIS_URL", "redis://offline.invalid:6379/0")

from platform_.settings.dev import *  # noqa: F403
