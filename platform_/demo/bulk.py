"""Fast writes for large demo data: PostgreSQL COPY of rows or model objects, and primary keys reserved up front."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, TypeVar

from django.db import connection, models
from django.db.models import NOT_PROVIDED
from django.utils import timezone

T = TypeVar("T")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of at most ``size`` items (itertools.batched arrives in Python 3.12)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def allocate_ids(model: type[models.Model], count: int) -> list[int]:
    """Reserve ``count`` primary keys from the table's sequence, so rows can be COPYed with known ids."""
    if count <= 0:
        return []
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, column, count]
        )
        return [row[0] for row in cursor.fetchall()]


def copy_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """COPY ``rows`` (values ready for the database, in ``fields`` order) into the model's table.

    ``fields`` are field names or attnames (``firm`` or ``firm_id``). Concrete fields not named
    get their default (a callable default per row, any other once; ``auto_now``/``auto_now_add``
    fields the current time), so a column added to the model later does not break a builder. JSON values must be
    strings or ``psycopg.types.json.Jsonb``. Returns the number of rows written.
    """
    meta = model._meta
    by_name = {f.name: f for f in meta.concrete_fields} | {f.attname: f for f in meta.concrete_fields}
    named = [by_name[name] for name in fields]
    rest = [
        f
        for f in meta.concrete_fields
        if f not in named
        and not f.primary_key
        and not getattr(f, "generated", False)
        and f.db_default is NOT_PROVIDED  # the database fills those itself
    ]
    now = timezone.now()
    # Callable defaults (tokens, uuid4, dict) are drawn per row; the others once.
    per_row = [f for f in rest if f.has_default() and callable(f.default)]
    once = [f for f in rest if f not in per_row]
    constants = tuple(
        now
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        else f.get_db_prep_save(f.get_default(), connection)
        for f in once
    )
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(f.column)) for f in [*named, *once, *per_row])
    sql = f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN"
    written = 0
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            if per_row:
                copy.write_row((*row, *constants, *(f.get_db_prep_save(f.get_default(), connection) for f in per_row)))
            else:
                copy.write_row((*row, *constants))
            written += 1
    return written


def copy_objects(model: type[models.Model], objects: Sequence[models.Model]) -> int:
    """COPY unsaved model objects; their primary key is written when set (see ``allocate_ids``).

    Values go through each field's ``pre_save`` and ``get_db_prep_save``, as in ``bulk_create``
    (so ``auto_now_add`` fields get the current time).
    """
    if not objects:
        return 0
    with_pk = objects[0].pk is not None
    fields = [f for f in model._meta.concrete_fields if with_pk or not f.primary_key]

    def rows() -> Iterator[list[Any]]:
        for obj in objects:
            yield [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]

    return copy_rows(model, [f.attname for f in fields], rows())


def through_rows(relation: Any, pairs: Iterable[tuple[int, int]]) -> int:
    """COPY (source id, target id) pairs into a many-to-many table, e.g. ``Firm.capabilities``."""
    field = relation.field
    through = relation.through
    return copy_rows(through, [field.m2m_column_name(), field.m2m_reverse_name()], pairs)
