"""ASGI entry point: HTTP through Django, WebSockets through the realtime routing."""

import os
from typing import Any

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_.settings.dev")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter  # noqa: E402

from platform_.health import PROBE_PATHS, probe_application  # noqa: E402
from platform_.outage import SocketOutageGuard  # noqa: E402
from platform_.realtime.routing import websocket_application  # noqa: E402


async def http_application(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The probes answer on the event loop, before Django (platform_/health.py); the rest is Django."""
    if scope["path"] in PROBE_PATHS:
        await probe_application(scope, receive, send)
    else:
        await django_asgi_app(scope, receive, send)


# A socket refused because PostgreSQL or Redis is down closes with code 4503 (platform_/outage.py).
application = ProtocolTypeRouter({"http": http_application, "websocket": SocketOutageGuard(websocket_application)})

from platform_ import warmup  # noqa: E402
from platform_.realtime import gc_tuning  # noqa: E402

# Before the server listens: search's segmenter and dictionaries (platform_/warmup.py).
warmup.run()

if gc_tuning.enabled():  # the web server of make run: see platform_/realtime/gc_tuning.py
    gc_tuning.tune_for_server()
