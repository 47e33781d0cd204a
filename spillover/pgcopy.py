"""PostgreSQL binary COPY into and out of numpy arrays: events are streamed in bounded batches and
results written in one pass, without a Python object per row."""

from __future__ import annotations

import struct
from collections.abc import Sequence

import numpy as np
from django.db import connection

SIGNATURE = b"PGCOPY\n\xff\r\n\x00"
HEADER = SIGNATURE + struct.pack(">ii", 0, 0)
TRAILER = struct.pack(">h", -1)

PG_TYPES = {"int8": ">i8", "int4": ">i4", "int2": ">i2", "float8": ">f8"}


def _row_dtype(types: Sequence[str]) -> np.dtype:
    fields: list[tuple[str, str]] = [("n", ">i2")]
    for i, t in enumerate(types):
        fields += [(f"l{i}", ">i4"), (f"v{i}", PG_TYPES[t])]
    return np.dtype(fields)


def copy_in(table: str, columns: Sequence[str], types: Sequence[str], arrays: Sequence[np.ndarray]) -> None:
    """Write parallel arrays into ``table`` with one binary COPY."""
    n = len(arrays[0]) if arrays else 0
    if n == 0:
        return
    dtype = _row_dtype(types)
    rows = np.empty(n, dtype=dtype)
    rows["n"] = len(types)
    for i, (t, a) in enumerate(zip(types, arrays, strict=True)):
        rows[f"l{i}"] = np.dtype(PG_TYPES[t]).itemsize
        rows[f"v{i}"] = a
    cols = ", ".join(columns)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({cols}) FROM STDIN (FORMAT binary)") as cp:
        cp.write(HEADER)
        step = 1_000_000
        for s in range(0, n, step):
            cp.write(rows[s : s + step].tobytes())
        cp.write(TRAILER)


def _parse_array(buf: memoryview, pos: int, pg_type: str) -> tuple[np.ndarray, int]:
    """One binary array field at ``pos`` (its int32 length first); returns (values, next position)."""
    (length,) = struct.unpack_from(">i", buf, pos)
    pos += 4
    if length < 0:  # NULL: an empty batch
        return np.zeros(0, dtype=PG_TYPES[pg_type].replace(">", "=")), pos
    ndim, _flags, _oid = struct.unpack_from(">iii", buf, pos)
    if ndim == 0:
        return np.zeros(0, dtype=PG_TYPES[pg_type].replace(">", "=")), pos + length
    (count,) = struct.unpack_from(">i", buf, pos + 12)
    start = pos + 12 + 8 * ndim
    dtype = np.dtype([("l", ">i4"), ("v", PG_TYPES[pg_type])])
    values = np.frombuffer(buf, dtype=dtype, count=count, offset=start)["v"]
    return values.astype(PG_TYPES[pg_type].replace(">", "=")), pos + length


def copy_out_arrays(sql: str, params: Sequence[object], types: Sequence[str]) -> list[np.ndarray]:
    """Run ``COPY (sql) TO STDOUT (FORMAT binary)`` where ``sql`` returns one row of arrays (one
    ``array_agg`` per column, no NULL elements): PostgreSQL sends a batch in one message instead of
    one message per row, and numpy reads it without a Python object per value."""
    data = bytearray()
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY ({sql}) TO STDOUT (FORMAT binary)", params) as cp:
        for chunk in cp:
            data += chunk
    buf = memoryview(bytes(data))
    (ext,) = struct.unpack_from(">i", buf, 15)
    pos = 19 + ext
    (fields,) = struct.unpack_from(">h", buf, pos)
    if fields == -1:  # no row
        return [np.zeros(0, dtype=PG_TYPES[t].replace(">", "=")) for t in types]
    pos += 2
    out = []
    for t in types:
        values, pos = _parse_array(buf, pos, t)
        out.append(values)
    return out
