"""WebSocket routing: every socket passes the origin check and session authentication here."""

from __future__ import annotations

from channels.auth import AuthMiddlewareStack
from channels.routing import URLRouter
from channels.security.websocket import AllowedHostsOriginValidator
from django.urls import path, re_path

from platform_.realtime import consumers
from platform_.realtime.rooms import KIND_PATTERN

# Any kind's name is routed; the rooms registry refuses a kind nobody registered (close code 4403).
ROOM_KIND = rf"(?P<kind>{KIND_PATTERN})"

websocket_urlpatterns = [
    path("ws/notifications/", consumers.NotificationConsumer.as_asgi()),
    re_path(rf"^ws/rooms/{ROOM_KIND}/(?P<object_id>[0-9]{{1,12}})/$", consumers.RoomConsumer.as_asgi()),
    re_path(
        rf"^ws/docs/{ROOM_KIND}/(?P<object_id>[0-9]{{1,12}})/(?P<doc>[a-z]{{1,20}})/$",
        consumers.DocumentConsumer.as_asgi(),
    ),
]

websocket_application = AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns)))
