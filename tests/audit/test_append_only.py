"""The audit log is append-only in PostgreSQL itself: raw SQL and bulk queries cannot change or remove an entry."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from platform_.audit.models import AppendOnlyError, AuditEntry
from platform_.audit.services import audit_record
from tests.factories import firm_with_owner

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry() -> AuditEntry:
    firm, owner = firm_with_owner()
    return audit_record(actor=owner, action="firm.edited", target=firm, firm=firm, reason="first")


def refused(sql: str, *params: int) -> None:
    """Run one statement in its own savepoint and expect PostgreSQL's trigger to refuse it."""
    with (
        pytest.raises(DatabaseError, match="audit entries are append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, params)


def test_raw_sql_update_is_refused(entry: AuditEntry) -> None:
    refused("UPDATE audit_auditentry SET reason = 'rewritten', action = 'nothing' WHERE id = %s", entry.pk)
    kept = AuditEntry.objects.get(pk=entry.pk)
    assert (kept.reason, kept.action) == ("first", "firm.edited")


def test_raw_sql_delete_is_refused(entry: AuditEntry) -> None:
    refused("DELETE FROM audit_auditentry WHERE id = %s", entry.pk)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_bulk_queries_that_skip_the_model_are_refused_by_the_database(entry: AuditEntry) -> None:
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(reason="rewritten")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.get(pk=entry.pk).reason == "first"


def test_the_model_refuses_before_the_database_is_asked(entry: AuditEntry) -> None:
    entry.reason = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
