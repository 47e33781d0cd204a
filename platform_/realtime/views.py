"""Room pages: the list of one's rooms with unread counts, and a room with chat, presence and editors."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from platform_.realtime import rooms, selectors
from platform_.realtime.groups import room_key


@login_required
def room_list(request: HttpRequest) -> HttpResponse:
    entries = rooms.rooms_of(user=request.user)
    keys = [room_key(kind, object_id) for kind, object_id in entries]
    unread = selectors.unread_counts(user=request.user, rooms=keys)
    titles = rooms.room_titles(entries=entries)
    items = [
        {
            "kind": kind,
            "object_id": object_id,
            "title": titles.get((kind, object_id), ""),
            "unread": unread[room_key(kind, object_id)],
        }
        for kind, object_id in entries
    ]
    return render(request, "realtime/room_list.html", {"rooms": items})


@login_required
def room_detail(request: HttpRequest, kind: str, object_id: int) -> HttpResponse:
    # A room one may not enter does not exist for them: nothing leaks about it.
    if not rooms.room_allowed(user=request.user, kind=kind, object_id=object_id):
        raise Http404
    documents = [
        {
            "name": doc,
            "label": rooms.document_label(kind=kind, doc=doc),
            "editable": rooms.document_editable(user=request.user, kind=kind, object_id=object_id, doc=doc),
        }
        for doc in rooms.room_documents(kind=kind)
    ]
    strings = {
        "connected": _("Connected"),
        "connecting": _("Connecting…"),
        "offline": _("Offline: reconnecting…"),
        "typing": _("%(name)s is typing…"),
        "sending": _("Sending…"),
        "failed": _("Not sent yet: will retry"),
        "older": _("Load older messages"),
        "unread": _("%(count)s unread"),
        "removed": _("You are no longer a member of this room."),
        "rate_limited": _("Too many messages: slow down."),
        "error": _("The server refused the message."),
        "editors": _("Editing now"),
        "synced": _("Saved"),
        "syncing": _("Saving…"),
        "read_only": _("Read only"),
    }
    context = {
        "kind": kind,
        "object_id": object_id,
        "title": rooms.room_title(kind=kind, object_id=object_id),
        "documents": documents,
        "room_config": {
            "room": f"/ws/rooms/{kind}/{object_id}/",
            "docs": f"/ws/docs/{kind}/{object_id}",
            "strings": strings,
            "me": {"id": request.user.pk, "name": str(request.user)},
        },
    }
    return render(request, "realtime/room.html", context)
