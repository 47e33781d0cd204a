"""The rooms registry: the domains register their kinds of room; a kind nobody registered has no room."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from platform_.realtime import rooms
from tests.factories import ClusterFactory, active_member, firm_with_owner
from tests.realtime.factories import communicator, run, session_cookie


def test_the_domains_register_the_cluster_and_project_kinds() -> None:
    assert [kind.name for kind in rooms.room_kinds()][:2] == ["cluster", "project"]
    assert rooms.room_documents(kind="cluster") == ("notes",)
    assert rooms.room_documents(kind="project") == ("brief", "notes")
    assert rooms.document_writes_back(kind="project", doc="brief")
    assert not rooms.document_writes_back(kind="project", doc="notes")
    assert rooms.room_documents(kind="market") == ()


@pytest.fixture
def market_kind() -> Iterator[list[int]]:
    """A kind registered by the test: rooms whose id is in the list admit everyone signed in."""
    open_ids: list[int] = []
    rooms.room_kind_register(
        rooms.RoomKind(
            name="market",
            allowed=lambda *, user, object_id: object_id in open_ids,
            titles=lambda *, ids: {pk: f"Market {pk}" for pk in ids},
            documents=(rooms.shared_notes(),),
        )
    )
    yield open_ids
    rooms._kinds.pop("market")


def test_a_registered_kind_decides_who_enters_and_names_its_rooms(db: Any, market_kind: list[int]) -> None:
    _firm, person = firm_with_owner()
    assert not rooms.room_allowed(user=person, kind="market", object_id=7)
    market_kind.append(7)
    assert rooms.room_allowed(user=person, kind="market", object_id=7)
    assert rooms.document_editable(user=person, kind="market", object_id=7, doc="notes")
    assert not rooms.document_allowed(user=person, kind="market", object_id=7, doc="brief")
    assert rooms.room_title(kind="market", object_id=7) == "Market 7"
    person.is_active = False
    assert not rooms.room_allowed(user=person, kind="market", object_id=7)


def test_the_room_list_shows_only_listed_kinds(db: Any, market_kind: list[int]) -> None:
    cluster = ClusterFactory.create()
    _firm, member = active_member(cluster)
    market_kind.append(1)
    assert rooms.rooms_of(user=member) == [("cluster", cluster.pk)]


def test_a_page_of_a_kind_nobody_registered_is_not_found(db: Any, client: Any) -> None:
    _firm, person = firm_with_owner()
    client.force_login(person)
    assert client.get("/rooms/market/1/").status_code == 404


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/ws/rooms/market/1/", "/ws/docs/market/1/notes/"])
def test_a_socket_to_a_kind_nobody_registered_is_refused(path: str) -> None:
    _firm, person = firm_with_owner()

    async def scenario() -> None:
        socket = communicator(path, session=session_cookie(person))
        connected, code = await socket.connect()
        assert not connected
        assert code == 4403

    run(scenario)
