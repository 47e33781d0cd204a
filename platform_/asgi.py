"""ASGI entry point: HTTP through Django, WebSockets through the realtime routing."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_.settings.dev")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter  # noqa: E402

from platform_.realtime.routing import websocket_application  # noqa: E402

application = ProtocolTypeRouter({"http": django_asgi_app, "websocket": websocket_application})

from platform_.realtime import gc_tuning  # noqa: E402

if gc_tuning.enabled():  # the web server of make run: see platform_/realtime/gc_tuning.py
    gc_tuning.tune_for_server()
