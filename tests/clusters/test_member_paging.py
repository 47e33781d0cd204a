"""The cluster page lists its members a page at a time, with a bounded number of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clusters.views import MEMBERS_PAGE_SIZE
from tests.factories import ClusterFactory, active_member

pytestmark = pytest.mark.django_db


def _rows(html: str) -> int:
    table = html.split('data-testid="members"', 1)[1].split("</table>", 1)[0]
    return table.count("<tr>") - 1  # less the header row


def test_member_list_is_paged_and_the_heading_counts_every_member(client: Any) -> None:
    cluster = ClusterFactory.create()
    _firm, owner = active_member(cluster)
    for _index in range(MEMBERS_PAGE_SIZE + 4):
        active_member(cluster)
    client.force_login(owner)
    url = cluster.get_absolute_url()

    with CaptureQueriesContext(connection) as captured:
        first = client.get(url)
    assert first.status_code == 200
    assert len(captured) <= 20
    html = first.content.decode()
    assert _rows(html) == MEMBERS_PAGE_SIZE
    assert f"{MEMBERS_PAGE_SIZE + 5} member firms" in html or f"{MEMBERS_PAGE_SIZE + 5} 家成员企业" in html
    assert 'data-testid="members-pages"' in html

    second = client.get(url, {"members_page": 2}).content.decode()
    assert _rows(second) == 5
    assert client.get(url, {"members_page": "nonsense"}).status_code == 200  # a bad page number is page 1
