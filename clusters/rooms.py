"""The cluster room kind: a cluster's live room (chat, presence, shared notes), registered with the realtime
rooms registry from ClustersConfig.ready(); who may enter is ``clusters.selectors.cluster_room_allowed``."""

from __future__ import annotations

from clusters import selectors
from platform_.realtime.rooms import RoomKind, room_kind_register, shared_notes

KIND = "cluster"


def register() -> None:
    room_kind_register(
        RoomKind(
            name=KIND,
            allowed=lambda *, user, object_id: selectors.cluster_room_allowed(user=user, cluster_id=object_id),
            titles=selectors.cluster_names,
            documents=(shared_notes(),),
            listed=selectors.cluster_room_ids,
            # Memberships and moderator roles change who may be in a cluster's room: the people named by
            # the event re-check (the access handlers do that for every event about people).
            recheck_events=("membership.*", "cluster.moderator*"),
        )
    )
