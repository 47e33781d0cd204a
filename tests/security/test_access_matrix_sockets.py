"""The access matrix of issue 13 on sockets: who may connect to each room, and that an admitted socket's
frames are answered. Committed data on the real channel layer (the consumer reads from its own threads)."""

from __future__ import annotations

import pytest

from projects import services as projects
from tests.factories import ClusterFactory, UserFactory, active_member, firm_with_owner
from tests.projects.factories import open_project, solver
from tests.realtime.factories import communicator, run, session_cookie

ROOM_ROLES = ["outsider", "cluster_member", "named_firm", "moderator", "admin", "sponsor", "solver", "judge"]
MAY_ENTER = {
    "cluster": {"cluster_member", "moderator", "admin"},
    "project": {"sponsor", "solver", "judge", "admin"},
}


@pytest.mark.django_db(transaction=True)
def test_sockets_admit_only_who_may_enter_and_answer_their_frames() -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    _member_firm, member = active_member(cluster)
    _named_firm, named = firm_with_owner()
    _outsider_firm, outsider = firm_with_owner()
    project, sponsor = open_project()
    _solver_firm, solver_owner = solver(project)
    judge = UserFactory.create()
    projects.judge_add(project=project, by=sponsor, user=judge)
    people = {
        "outsider": outsider,
        "cluster_member": member,
        "named_firm": named,
        "moderator": moderator,
        "admin": UserFactory.create(is_staff=True),
        "sponsor": sponsor,
        "solver": solver_owner,
        "judge": judge,
    }
    sessions = {role: session_cookie(person) for role, person in people.items()}
    rooms = {"cluster": f"/ws/rooms/cluster/{cluster.pk}/", "project": f"/ws/rooms/project/{project.pk}/"}

    async def scenario() -> dict[tuple[str, str], bool]:
        entered: dict[tuple[str, str], bool] = {}
        for kind, path in rooms.items():
            anonymous = communicator(path)
            entered[(kind, "anonymous")] = (await anonymous.connect())[0]
            for role in ROOM_ROLES:
                socket = communicator(path, session=sessions[role])
                connected, _code = await socket.connect()
                entered[(kind, role)] = connected
                if connected:
                    welcome = await socket.receive_json_from(timeout=5)
                    assert welcome["type"] == "welcome"
                    await socket.send_json_to({"type": "history"})
                    while (await socket.receive_json_from(timeout=5))["type"] != "history":
                        pass  # presence updates may come first
                    await socket.disconnect()
        return entered

    entered = run(scenario)
    expected = {(kind, role): role in MAY_ENTER[kind] for kind in rooms for role in ROOM_ROLES}
    expected |= {(kind, "anonymous"): False for kind in rooms}
    assert entered == expected
