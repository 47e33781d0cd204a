"""Room pages: members see the room, everyone else gets a 404; the list shows unread counts."""

from __future__ import annotations

from typing import Any

import pytest

from platform_.realtime.models import ChatMessage
from tests.factories import ClusterFactory, active_member, firm_with_owner


@pytest.fixture
def cluster(db: Any) -> Any:
    return ClusterFactory.create()


def test_member_sees_the_room_with_its_editor(client: Any, cluster: Any) -> None:
    _firm, member = active_member(cluster)
    client.force_login(member)
    response = client.get(f"/rooms/cluster/{cluster.pk}/")
    assert response.status_code == 200
    assert b'data-doc="notes"' in response.content
    assert b"vendor/yjs/collab.js" in response.content


def test_outsider_gets_not_found(client: Any, cluster: Any) -> None:
    _firm, outsider = firm_with_owner()
    client.force_login(outsider)
    assert client.get(f"/rooms/cluster/{cluster.pk}/").status_code == 404


def test_anonymous_is_sent_to_log_in(client: Any, cluster: Any) -> None:
    response = client.get(f"/rooms/cluster/{cluster.pk}/")
    assert response.status_code == 302


def test_room_list_shows_unread_counts_of_ones_rooms_only(client: Any, cluster: Any) -> None:
    _firm, member = active_member(cluster)
    _other_firm, other = active_member(cluster)
    hidden = ClusterFactory.create(name_en="Hidden room", name_zh="隐藏房间")
    ChatMessage.objects.create(room=f"cluster.{cluster.pk}", author=other, client_id="1", body="x", body_html="x")
    client.force_login(member)
    response = client.get("/rooms/")
    assert response.status_code == 200
    assert cluster.name.encode() in response.content
    assert hidden.name.encode() not in response.content
    assert response.context["rooms"][0]["unread"] == 1


def test_room_list_query_count_does_not_grow_with_rooms(
    client: Any, cluster: Any, django_assert_max_num_queries: Any
) -> None:
    firm, member = active_member(cluster)
    from tests.factories import MembershipFactory

    for _ in range(5):
        MembershipFactory.create(cluster=ClusterFactory.create(), firm=firm)
    client.force_login(member)
    with django_assert_max_num_queries(20):
        client.get("/rooms/")
