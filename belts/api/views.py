"""Belts API: every belt with its public aggregates (no key needed, throttled per client address)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny

from belts import selectors
from belts.api import serializers as io
from belts.models import Belt
from observatory import selectors as observatory_selectors
from platform_.api.pagination import CursorPagination
from platform_.api.permissions import problems
from platform_.api.throttling import OpenDataThrottle


class ById(CursorPagination):
    ordering = "id"


@extend_schema_view(
    list=extend_schema(
        operation_id="belts_list",
        summary="Online industry belts",
        description="Every belt (region and sectors) with its figures from the current open statistics. "
        "No key needed; throttled per client address. A null figure is hidden: it would describe fewer than "
        "k firms.",
    ),
    retrieve=extend_schema(
        operation_id="belts_retrieve",
        summary="One online industry belt",
        description="The belt's figures, growth per month, the share of its use from other belts and "
        "provinces over time, the clusters reaching into it and the flows with other belts.",
        responses={200: io.BeltDetailOut, **problems(404)},
    ),
)
class BeltViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    api_resource = "open"
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [OpenDataThrottle]
    pagination_class = ById
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Belt]:
        return selectors.belts_all()

    def get_serializer_class(self) -> Any:
        return io.BeltDetailOut if self.action == "retrieve" else io.BeltOut

    def get_serializer_context(self) -> dict[str, Any]:
        stats = observatory_selectors.open_statistics_current()
        data = stats.data if stats else {}
        return {
            **super().get_serializer_context(),
            "figures": data.get("belts", {}),
            "flows": data.get("belt_flows", []),
        }
