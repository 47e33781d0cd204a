"""Read replicas (platform_/db_router.py), against a second real PostgreSQL database: a copy of the test
database taken as a replica would hold it, after which the primary moves on. The search, which opts in,
reads the copy; other reads, reads inside a transaction and every write go to the primary."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
from django.db import connections, router, transaction

from knowledge import selectors
from knowledge.models import Asset
from platform_.db_router import REPLICA
from tests.factories import firm_with_owner
from tests.knowledge.factories import make_asset

pytestmark = pytest.mark.django_db(transaction=True)


def _admin(statement: str) -> None:
    """A statement of the PostgreSQL server itself (CREATE / DROP DATABASE), outside any database's session."""
    params = connections["default"].get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params["dbname"] = "postgres"
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(statement)


@contextmanager
def replica_copy() -> Iterator[str]:
    """The test database copied into a database of its own (a replica as of now), as the ``replica`` alias."""
    primary = connections["default"].settings_dict["NAME"]
    name = f"{primary}_replica"
    connections.close_all()  # a template database must have no session open
    _admin(f'DROP DATABASE IF EXISTS "{name}"')
    for attempt in range(5):
        try:
            _admin(f'CREATE DATABASE "{name}" TEMPLATE "{primary}"')
            break
        except psycopg.errors.ObjectInUse:
            # Idle sessions left open by threads of earlier tests (servers, workers) hold the template:
            # they are ended (Django opens a new connection when one of them is needed again).
            if attempt == 4:
                raise
            ended = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%s' AND state = 'idle'"
            _admin(ended % primary)
            time.sleep(0.5)
    connections.settings[REPLICA] = {**connections["default"].settings_dict, "NAME": name}
    # Connected here: the test case refuses to open, on its own, a database it was not declared with.
    connections[REPLICA].connect()
    try:
        yield name
    finally:
        connections[REPLICA].close()
        del connections[REPLICA]
        del connections.settings[REPLICA]
        _admin(f'DROP DATABASE IF EXISTS "{name}"')


def search(searcher: tuple[Any, Any], query: str) -> list[Asset]:
    firm, user = searcher
    return list(selectors.asset_search(user=user, firm=firm, query=query).results)


def test_the_search_reads_the_replica_and_other_reads_the_primary() -> None:
    before = make_asset(title_en="Spindle guide")
    searcher = firm_with_owner()
    with replica_copy():
        after = make_asset(title_en="Spindle manual")  # written to the primary after the copy

        found = search(searcher, "spindle")
        assert [asset.pk for asset in found] == [before.pk]  # the replica's state
        assert {asset._state.db for asset in found} == {REPLICA}
        # Reads that do not opt in see the primary.
        firm, user = searcher
        visible = selectors.assets_visible_to(user=user, firm=firm).filter(title_en__startswith="Spindle")
        assert set(visible.values_list("pk", flat=True)) == {before.pk, after.pk}
        # Inside a transaction the search reads the primary too (a service reads what it then writes).
        with transaction.atomic():
            assert {asset.pk for asset in search(searcher, "spindle")} == {before.pk, after.pk}


def test_writes_go_to_the_primary_even_for_an_object_read_from_the_replica() -> None:
    asset = make_asset(title_en="Spindle guide")
    searcher = firm_with_owner()
    with replica_copy():
        [found] = search(searcher, "spindle")
        assert found._state.db == REPLICA
        assert router.db_for_write(Asset, instance=found) == "default"
        found.title_en = "Spindle guide, second edition"
        found.save(update_fields=["title_en"])
        assert Asset.objects.using("default").get(pk=asset.pk).title_en == "Spindle guide, second edition"
        assert Asset.objects.using(REPLICA).get(pk=asset.pk).title_en == "Spindle guide"


def test_without_a_replica_the_search_reads_the_primary() -> None:
    asset = make_asset(title_en="Spindle guide")
    assert REPLICA not in connections.settings
    [found] = search(firm_with_owner(), "spindle")
    assert (found.pk, found._state.db) == (asset.pk, "default")
