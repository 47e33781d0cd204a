"""Reading settings from the environment; the URLs of PostgreSQL and Redis are required, never invented."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

# What settings tell a developer who started a command without the servers' URLs.
DEVELOPMENT_HINT = (
    "Settings never start servers. Give the URLs of running servers, or let the platform start its "
    "embedded development servers: `make run` (the whole platform) or "
    "`python -m platform_.devservices run COMMAND ...` (any command, e.g. `... run python manage.py shell`)."
)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_required(*names: str, hint: str) -> None:
    """Refuse to configure the platform when any of these variables is unset or empty, naming them all."""
    missing = [name for name in names if not os.environ.get(name)]
    if missing:
        required = ", ".join(names)
        raise ImproperlyConfigured(f"Set {', '.join(missing)} in the environment (required: {required}). {hint}")
