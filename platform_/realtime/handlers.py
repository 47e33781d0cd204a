"""Domain events that change who may be in a room: every socket of the people concerned re-checks."""

from __future__ import annotations

from typing import Any

from platform_.identity.models import FirmMember
from platform_.realtime.groups import document_group, document_name, project_room, user_group
from platform_.realtime.push import group_send
from platform_.realtime.rooms import ROOM_DOCUMENTS

WATCHED_EVENTS = ("membership.*", "project.*", "firm.member*", "cluster.moderator*")


def on_access_changed(name: str, payload: dict[str, Any]) -> None:
    """Tell the sockets of the firm's people (or of the one person) to re-check and close if refused."""
    user_ids: set[int] = set()
    if payload.get("user_id"):
        user_ids.add(int(payload["user_id"]))
    if payload.get("firm_id"):
        user_ids.update(FirmMember.objects.filter(firm_id=payload["firm_id"]).values_list("user_id", flat=True))
    for user_id in sorted(user_ids):
        group_send(user_group(user_id), {"type": "realtime.recheck", "event": name})
    if name.startswith("project.") and payload.get("project_id") and not user_ids:
        # A project's status changes who may be in its room: everyone there re-checks.
        project_id = int(payload["project_id"])
        group_send(project_room(project_id), {"type": "realtime.recheck", "event": name})
        for doc in ROOM_DOCUMENTS["project"]:
            group_send(
                document_group(document_name("project", project_id, doc)),
                {"type": "realtime.recheck", "event": name},
            )
