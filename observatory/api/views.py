"""Public API of the open statistics: the observatory's tables as JSON, no key needed, throttled per address."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from observatory import selectors
from observatory.tables import TABLES, TABLES_BY_NAME, Table
from platform_.api.permissions import problems
from platform_.api.throttling import OpenDataThrottle


def _fields_out() -> serializers.Serializer:
    return inline_serializer(
        "OpenFieldOut",
        {"name": serializers.CharField(), "type": serializers.CharField(), "title": serializers.CharField()},
        many=True,
    )


TableOut = inline_serializer(
    "OpenTableOut",
    many=True,
    fields={
        "name": serializers.CharField(),
        "title": serializers.CharField(),
        "description": serializers.CharField(),
        "fields": _fields_out(),
        "csv": serializers.URLField(),
    },
)
TableRowsOut = inline_serializer(
    "OpenTableRowsOut",
    {
        "name": serializers.CharField(),
        "computed_at": serializers.DateTimeField(),
        "k": serializers.IntegerField(help_text="No figure describes fewer than k firms; null marks a hidden figure."),
        "fields": _fields_out(),
        "rows": serializers.ListField(child=serializers.DictField()),
    },
)


def _describe(request: Request, table: Table) -> dict[str, Any]:
    return {
        "name": table.name,
        "title": str(table.title),
        "description": str(table.description),
        "fields": [{"name": f.name, "type": f.type, "title": str(f.title)} for f in table.fields],
        "csv": request.build_absolute_uri(reverse("observatory:table-csv", args=[table.name])),
    }


class _Open(APIView):
    api_resource = "open"
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [OpenDataThrottle]


class OpenTablesView(_Open):
    @extend_schema(
        operation_id="open_tables_list",
        summary="Open statistics: the tables",
        description="Every open table with its fields and CSV download. No key needed; throttled per client address.",
        responses={200: TableOut},
    )
    def get(self, request: Request) -> Response:
        return Response([_describe(request, table) for table in TABLES])


class OpenTableView(_Open):
    @extend_schema(
        operation_id="open_tables_retrieve",
        summary="Open statistics: one table's rows",
        description="The rows of one open table. A null value is a figure hidden because it would describe "
        "fewer than k firms (or could be recovered from other published figures).",
        responses={200: TableRowsOut, **problems(404)},
    )
    def get(self, request: Request, name: str) -> Response:
        table = TABLES_BY_NAME.get(name)
        stats = selectors.open_statistics_current()
        if table is None or stats is None:
            raise NotFound("No such table, or the open statistics are not computed yet.")
        names = [f.name for f in table.fields]
        return Response(
            {
                "name": table.name,
                "computed_at": stats.computed_at,
                "k": stats.k,
                "fields": _describe(request, table)["fields"],
                "rows": [dict(zip(names, row, strict=True)) for row in table.rows(stats.data)],
            }
        )
