"""Sockets: per-person notifications, rooms (chat, presence, typing) and co-edited documents.

Consumers stay thin: they parse frames, check limits, call services and selectors, and
relay. Every socket also joins its person's group so that a membership change makes it
re-check access and close at once.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from channels.consumer import get_handler_name
from channels.db import DatabaseSyncToAsync
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.utils.translation import gettext as _
from pycrdt import (
    Decoder,
    Doc,
    Encoder,
    YMessageType,
    YSyncMessageType,
    create_sync_message,
    create_update_message,
    get_state,
    handle_sync_message,
)
from pycrdt.websocket.django_channels_consumer import YjsConsumer

from platform_.errors import DomainError
from platform_.input import BadInput, frame_id, frame_parse, frame_text
from platform_.realtime import awareness, presence, relay, rooms, selectors, services, writeback
from platform_.realtime.groups import document_group, document_name, room_group, room_key, user_group
from platform_.realtime.limits import CHAT_FRAME_BYTES, DOC_FRAME_BYTES, TokenBucket

logger = logging.getLogger(__name__)


def database_sync_to_async(function: Any) -> Any:
    """Run a database call in the thread pool: sockets' short queries proceed side by side
    (over the pooled connections) instead of queueing behind one another in a single thread."""
    return DatabaseSyncToAsync(function, thread_sensitive=False)


CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
# Frames per second and burst per connection (settings REALTIME_CHAT_RATE / REALTIME_DOCUMENT_RATE):
# typing fast with a cursor makes about 2 document frames per keystroke.
CHAT_RATE = (5, 20)
DOCUMENT_RATE = (60, 200)
EMPTY_UPDATE = b"\x00\x00"
ERROR_MESSAGE_TYPE = 100  # our extension of the y-websocket protocol: a JSON error for the client
EDITABLE_RECHECK_SECONDS = 5  # an editor's right to edit is checked again this often (a brief freezes)


def _user(scope: dict[str, Any]) -> Any:
    user = scope.get("user")
    return user if user is not None and user.is_authenticated else None


def _display_name(user: Any) -> str:
    return user.display_name or user.email


class DirectDispatch:
    """Handlers run without Channels' per-message ``aclose_old_connections``, and the channel is
    forgotten by the layer when the consumer finishes.

    Channels (4.2+) runs ``close_old_connections`` before every handler through its one shared
    thread-sensitive thread: a message to a room of N sockets meant N thread hops queued one
    behind the other (the largest cost of the fan-out), and every inbound frame waited for one
    hop before it was even read. It protects handlers that use the ORM directly; these
    consumers never do: every database call goes through ``database_sync_to_async``, which
    closes stale connections itself, in the thread that uses them.
    """

    channel_layer: Any
    channel_name: str

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        try:
            await super().__call__(scope, receive, send)  # type: ignore[misc]
        finally:
            # The layer forgets the channel even when the consumer stopped with a message just
            # received on it (see BoundedPubSubChannelLayer.delete_channel).
            delete = getattr(getattr(self, "channel_layer", None), "delete_channel", None)
            if delete is not None and getattr(self, "channel_name", None):
                try:
                    await delete(self.channel_name)
                except Exception:
                    logger.warning("channel %s not cleaned up", self.channel_name, exc_info=True)

    async def dispatch(self, message: dict[str, Any]) -> None:
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def realtime_overflow(self, event: dict[str, Any]) -> None:
        """The layer dropped messages for this socket (its queue was full): see BoundedPubSubLoopLayer.

        Rooms' clients resynchronise from the welcome on reconnect; documents resynchronise at once.
        """
        logger.info("channel %s overflowed", self.channel_name)


class NotificationConsumer(DirectDispatch, AsyncJsonWebsocketConsumer):
    """ws/notifications/: the person's own notifications, live, on every page."""

    async def connect(self) -> None:
        user = _user(self.scope)
        if user is None:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.group = user_group(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json({"type": "hello", "unread": await database_sync_to_async(_unread_notifications)(user)})

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        await self.send_json({"type": "error", "code": "read_only", "message": _("This socket only listens.")})

    async def notification_new(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "notification", "notification": event["notification"]})

    async def realtime_recheck(self, event: dict[str, Any]) -> None:
        """Notifications are the person's own: nothing to re-check."""


def _unread_notifications(user: Any) -> int:
    from platform_.notifications.models import Notification

    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


class RoomAccess:
    """Shared by room and document sockets: who may enter, and leaving when that changes."""

    kind: str
    object_id: int
    scope: dict[str, Any]

    async def allowed(self) -> bool:
        return await database_sync_to_async(rooms.room_allowed)(
            user=self.scope["user"], kind=self.kind, object_id=self.object_id
        )


class RoomConsumer(DirectDispatch, AsyncJsonWebsocketConsumer, RoomAccess):
    """ws/rooms/<kind>/<id>/: chat, typing indicators, presence and unread counts of one room."""

    async def connect(self) -> None:
        user = _user(self.scope)
        kwargs = self.scope["url_route"]["kwargs"]
        self.kind, self.object_id = kwargs["kind"], int(kwargs["object_id"])
        self.joined = False
        if user is None:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        if not await self.allowed():
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.user = user
        self.room = room_key(self.kind, self.object_id)
        self.group = room_group(self.room)
        rate, burst = getattr(settings, "REALTIME_CHAT_RATE", CHAT_RATE)
        self.bucket = TokenBucket(rate=rate, burst=burst)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.channel_layer.group_add(user_group(user.pk), self.channel_name)
        await self.accept()
        self.joined = True
        await presence.presence_join(
            room=self.room, user_id=user.pk, name=_display_name(user), channel=self.channel_name
        )
        # The welcome carries the room's state, so a (re)connecting client resynchronises from it.
        history, unread = await database_sync_to_async(self._welcome_state)()
        people = await presence.presence_list(room=self.room)
        await self.send_json(
            {
                "type": "welcome",
                "me": {"id": user.pk, "name": _display_name(user)},
                "history": history,
                "unread": unread,
                "presence": people,
            }
        )
        await presence.presence_announce(room=self.room, group=self.group, layer=self.channel_layer)

    def _welcome_state(self) -> tuple[list[dict[str, Any]], int]:
        history = selectors.chat_history(room=self.room)
        unread = selectors.unread_counts(user=self.user, rooms=[self.room])[self.room]
        return history, unread

    async def disconnect(self, code: int) -> None:
        if not getattr(self, "joined", False):
            return
        self.joined = False
        await self.channel_layer.group_discard(self.group, self.channel_name)
        await self.channel_layer.group_discard(user_group(self.user.pk), self.channel_name)
        await presence.presence_leave(room=self.room, user_id=self.user.pk, channel=self.channel_name)
        await presence.presence_announce(room=self.room, group=self.group, layer=self.channel_layer)

    async def send_error(self, code: str, message: str, **extra: Any) -> None:
        await self.send_json({"type": "error", "code": code, "message": message, **extra})

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        size = len(text_data.encode()) if text_data is not None else len(bytes_data or b"")
        if size > CHAT_FRAME_BYTES:
            await self.send_error("too_large", _("The frame is too large."))
            return
        if not self.bucket.allow():
            await self.send_error("rate_limited", _("Too many frames: slow down."))
            return
        # Frames are parsed and checked in one place (platform_.input): a bad one is answered with an
        # error frame and the socket stays open.
        try:
            content = frame_parse(text_data)
            handler = {
                "chat.send": self.on_chat_send,
                "typing": self.on_typing,
                "heartbeat": self.on_heartbeat,
                "history": self.on_history,
                "read": self.on_read,
            }.get(content["type"])
            if handler is None:
                raise BadInput("unknown frame type")
            await handler(content)
        except BadInput:
            await self.send_error("malformed", _("The frame could not be understood."))

    async def on_chat_send(self, content: dict[str, Any]) -> None:
        client_id = frame_text(content, "client_id", max_length=services.MAX_CLIENT_ID_CHARS)
        body = frame_text(content, "body", max_length=CHAT_FRAME_BYTES)
        try:
            message, created = await database_sync_to_async(self._chat_post)(client_id, body)
        except DomainError as error:
            await self.send_error(error.code, str(error.message), client_id=client_id)
            return
        # Committed before the broadcast and the acknowledgement: an acknowledged or seen message is
        # never lost. The room hears first (its fan-out is the longer path); the sender's own socket
        # gets no copy of the broadcast, so the order is invisible to it.
        if created:
            # Serialised once here rather than once per socket of the room.
            frame = json.dumps({"type": "chat.message", "message": message})
            await self.channel_layer.group_send(
                self.group, {"type": "chat.message", "frame": frame, "sender": self.channel_name}
            )
        await self.send_json({"type": "chat.ack", "client_id": client_id, "message": message})

    def _chat_post(self, client_id: str, body: str) -> tuple[dict[str, Any], bool]:
        message, created = services.chat_post(room=self.room, author=self.user, client_id=client_id, body=body)
        return selectors.chat_message_payload(message), created

    async def on_typing(self, content: dict[str, Any]) -> None:
        frame = json.dumps({"type": "typing", "user": {"id": self.user.pk, "name": _display_name(self.user)}})
        await self.channel_layer.group_send(
            self.group, {"type": "chat.typing", "frame": frame, "user_id": self.user.pk, "sender": self.channel_name}
        )

    async def on_heartbeat(self, content: dict[str, Any]) -> None:
        await presence.presence_join(
            room=self.room, user_id=self.user.pk, name=_display_name(self.user), channel=self.channel_name
        )
        await self.send_json({"type": "presence", "presence": await presence.presence_list(room=self.room)})

    async def on_history(self, content: dict[str, Any]) -> None:
        before = frame_id(content, "before")
        page = await database_sync_to_async(selectors.chat_history)(room=self.room, before=before)
        await self.send_json({"type": "history", "before": before, "messages": page})

    async def on_read(self, content: dict[str, Any]) -> None:
        message_id = frame_id(content, "id")
        await database_sync_to_async(services.room_mark_read)(user=self.user, room=self.room, message_id=message_id)
        unread = await database_sync_to_async(selectors.unread_counts)(user=self.user, rooms=[self.room])
        await self.send_json({"type": "unread", "count": unread[self.room]})

    # Group events.
    async def chat_message(self, event: dict[str, Any]) -> None:
        if event.get("sender") != self.channel_name:
            await self.send(text_data=event["frame"])

    async def chat_typing(self, event: dict[str, Any]) -> None:
        if event.get("sender") != self.channel_name and event["user_id"] != self.user.pk:
            await self.send(text_data=event["frame"])

    async def presence_changed(self, event: dict[str, Any]) -> None:
        await self.send(text_data=event["frame"])  # serialised once by presence.presence_announce

    async def notification_new(self, event: dict[str, Any]) -> None:
        """Notifications go to the person's notification socket, not to rooms."""

    async def realtime_recheck(self, event: dict[str, Any]) -> None:
        if not await self.allowed():
            await self.send_error("removed", _("You are no longer a member of this room."))
            await self.close(code=CLOSE_FORBIDDEN)
            await self.disconnect(CLOSE_FORBIDDEN)


class DocumentConsumer(DirectDispatch, YjsConsumer, RoomAccess):
    """ws/docs/<kind>/<id>/<doc>/: a co-edited Yjs document, persisted in PostgreSQL.

    pycrdt-websocket's consumer keeps nothing; here every update a client sends is stored
    before it is relayed, and a new connection starts from the stored state.

    A crowd joining at once stays cheap: a client's sync step 1 is answered to that client
    alone, by the server from the stored document (never relayed to the room, whose every
    member would answer with the whole document, relayed to everyone again); awareness is
    coalesced per document (platform_.realtime.awareness); and a socket whose queue
    overflowed is sent the whole stored document at once.
    """

    ydoc: Doc

    def make_room_name(self) -> str:
        return document_group(self.document)

    async def make_ydoc(self) -> Doc:
        doc: Doc = Doc()
        state = await database_sync_to_async(self._load)()
        if state:
            doc.apply_update(state)
        return doc

    async def stored_doc(self) -> Doc:
        """The stored document as it is now: every update is stored before it is relayed."""
        doc: Doc = Doc()
        state = await database_sync_to_async(services.document_state)(name=self.document)
        if state:
            doc.apply_update(state)
        return doc

    def _load(self) -> bytes:
        services.document_seed(
            name=self.document,
            text=rooms.document_initial_text(kind=self.kind, object_id=self.object_id, doc=self.doc),
        )
        return services.document_state(name=self.document)

    async def connect(self) -> None:
        user = _user(self.scope)
        kwargs = self.scope["url_route"]["kwargs"]
        self.kind, self.object_id, doc = kwargs["kind"], int(kwargs["object_id"]), kwargs["doc"]
        self.joined = False
        if user is None:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        if doc not in rooms.room_documents(kind=self.kind) or not await self.allowed():
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.user = user
        self.doc = doc
        self.document = document_name(self.kind, self.object_id, doc)
        rate, burst = getattr(settings, "REALTIME_DOCUMENT_RATE", DOCUMENT_RATE)
        self.bucket = TokenBucket(rate=rate, burst=burst)
        self.room_name = self.make_room_name()
        self.awareness_clients: dict[int, int] = {}  # the awareness clients of this socket, with their clock
        # In the group before the state is read: an update stored meanwhile is relayed to us, not missed.
        await self.channel_layer.group_add(self.room_name, self.channel_name)
        await self.channel_layer.group_add(user_group(user.pk), self.channel_name)
        self.ydoc = await self.make_ydoc()
        await self.recheck_editable()
        await self.accept()
        self.joined = True
        writeback.join(name=self.document, kind=self.kind, object_id=self.object_id, doc=self.doc)
        await self.send(bytes_data=create_sync_message(self.ydoc))
        if not self.editable:  # the client shows the editor read-only
            await self.send_error("read_only", _("You may read this document but not change it."))
        others = awareness.hub().snapshot(group=self.make_room_name())
        if others is not None:
            await self.send(bytes_data=others)

    async def disconnect(self, code: int) -> None:
        if not getattr(self, "joined", False):
            return
        self.joined = False
        await self.channel_layer.group_discard(self.room_name, self.channel_name)
        await self.channel_layer.group_discard(user_group(self.user.pk), self.channel_name)
        if self.awareness_clients:  # the others' cursors for this editor go away now, not after a timeout
            awareness.hub().submit(
                group=self.make_room_name(),
                layer=self.channel_layer,
                states={client: (clock + 1, "null") for client, clock in self.awareness_clients.items()},
            )
        await writeback.leave(name=self.document)

    async def send_error(self, code: str, message: str) -> None:
        encoder = Encoder()
        encoder.write_var_uint(ERROR_MESSAGE_TYPE)
        encoder.write_var_string(json.dumps({"code": code, "message": message}))
        await self.send(bytes_data=encoder.to_bytes())

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if bytes_data is None or len(bytes_data) < 2:
            await self.send_error("malformed", _("The frame could not be understood."))
            return
        if len(bytes_data) > DOC_FRAME_BYTES:
            await self.send_error("too_large", _("The frame is too large."))
            return
        if not self.bucket.allow():
            await self.send_error("rate_limited", _("Too many frames: slow down."))
            if bytes_data[0] == YMessageType.SYNC:
                await self.request_resync()
            return
        kind = bytes_data[0]
        if kind == YMessageType.AWARENESS:  # cursors and who edits: coalesced per document
            await self.on_awareness(bytes_data)
            return
        if kind == awareness.QUERY_MESSAGE_TYPE:  # answered by the server, not by every other editor
            others = awareness.hub().snapshot(group=self.make_room_name())
            if others is not None:
                await self.send(bytes_data=others)
            return
        if kind != YMessageType.SYNC:
            await self.send_error("malformed", _("The frame could not be understood."))
            return
        try:
            await self.on_sync(bytes_data)
        except Exception:
            logger.info("malformed sync frame on %s", self.document, exc_info=True)
            await self.send_error("malformed", _("The frame could not be understood."))

    async def on_awareness(self, frame: bytes) -> None:
        try:
            states = awareness.parse(frame)
        except ValueError:
            await self.send_error("malformed", _("The frame could not be understood."))
            return
        for client, (clock, _state) in states.items():
            self.awareness_clients[client] = clock
        awareness.hub().submit(group=self.make_room_name(), layer=self.channel_layer, states=states)

    async def request_resync(self) -> None:
        """An edit was refused: send the stored state vector, so the client sends again what it lacks."""
        now = time.monotonic()
        if now - getattr(self, "resync_at", 0.0) >= 1:
            self.resync_at = now
            await self.send(bytes_data=create_sync_message(await self.stored_doc()))

    async def realtime_overflow(self, event: dict[str, Any]) -> None:
        """Relayed updates were dropped for this socket: send it the whole stored document now.

        Every update is stored before it is relayed, so the stored document holds every one it
        missed; the client merges it like any update (what it already has changes nothing).
        """
        stored = await self.stored_doc()
        state = stored.get_update()
        if not getattr(self, "editable", True):
            self.ydoc.apply_update(state)  # a reader's copy tells its answers from edits
        await self.send(bytes_data=create_update_message(state))

    async def on_sync(self, frame: bytes) -> None:
        sync_type = frame[1]
        if sync_type == YSyncMessageType.SYNC_STEP1:
            # Answered to this client alone, from the stored document (which holds every update
            # relayed so far); never relayed, so a crowd joining does not make every editor answer.
            reply = handle_sync_message(frame[1:], await self.stored_doc())
            if reply is not None:
                await self.send(bytes_data=reply)
            return
        if sync_type not in (YSyncMessageType.SYNC_STEP2, YSyncMessageType.SYNC_UPDATE):
            raise ValueError(f"unknown sync message {sync_type}")
        update = Decoder(frame[2:]).read_message()
        if not update:
            raise ValueError("empty update")
        if not await self.may_edit():
            # A reader's answer to a sync step 1 holds nothing new; anything else is an edit.
            if _changes(self.ydoc, update):
                await self.send_error("read_only", _("You may read this document but not change it."))
            return
        # Decoded (raises on a malformed update) before anything is stored. Not applied to this
        # socket's copy: an editor's copy is not kept current, and updates depending on what it
        # lacks would pile up in it.
        get_state(update)
        if update == EMPTY_UPDATE:
            return
        await database_sync_to_async(services.document_update_append)(name=self.document, update=update)
        relay.relay().submit(
            group=self.make_room_name(), layer=self.channel_layer, update=update, sender=self.channel_name
        )
        writeback.edited(name=self.document, by=self.user)

    async def recheck_editable(self) -> None:
        self.editable = await database_sync_to_async(rooms.document_editable)(
            user=self.user, kind=self.kind, object_id=self.object_id, doc=self.doc
        )
        self.editable_at = time.monotonic()

    async def may_edit(self) -> bool:
        if self.editable and time.monotonic() - self.editable_at >= EDITABLE_RECHECK_SECONDS:
            await self.recheck_editable()
        return self.editable

    async def send_message(self, message_wrapper: dict[str, Any]) -> None:  # type: ignore[override]
        if message_wrapper.get("sender") != self.channel_name:
            if not getattr(self, "editable", True):
                _follow(self.ydoc, message_wrapper["message"])
            await self.send(bytes_data=message_wrapper["message"])

    async def notification_new(self, event: dict[str, Any]) -> None:
        """Notifications go to the person's notification socket, not to documents."""

    async def realtime_recheck(self, event: dict[str, Any]) -> None:
        if not await self.allowed():
            await self.send_error("removed", _("You are no longer a member of this room."))
            await self.close(code=CLOSE_FORBIDDEN)
            await self.disconnect(CLOSE_FORBIDDEN)
            return
        was_editable = self.editable
        await self.recheck_editable()
        if was_editable and not self.editable:
            await self.send_error("read_only", _("You may read this document but not change it."))


def _changes(ydoc: Doc, update: bytes) -> bool:
    """Would the update change the document? Tried on a copy; raises on a malformed update."""
    probe: Doc = Doc()
    probe.apply_update(ydoc.get_update())
    changed: list[bool] = []
    subscription = probe.observe(lambda _event: changed.append(True))
    try:
        probe.apply_update(update)
    finally:
        probe.unobserve(subscription)
    return bool(changed)


def _follow(ydoc: Doc, frame: bytes) -> None:
    """Keep a reader's copy current with the edits relayed to it, to tell its answers from edits."""
    if len(frame) > 2 and frame[0] == YMessageType.SYNC and frame[1] != YSyncMessageType.SYNC_STEP1:
        try:
            update = Decoder(frame[2:]).read_message()
            assert update is not None  # a frame without a message is skipped like any unreadable one
            ydoc.apply_update(update)
        except Exception:  # a relayed frame the reader's client will judge itself
            logger.debug("relayed frame not applied", exc_info=True)
