"""Agencies API: the guidance in force that reaches the acting firm (the API key's firm)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.permissions import IsAuthenticated

from agencies import selectors
from agencies.api import serializers as io
from agencies.models import Guidance
from platform_.api.pagination import CursorPagination
from platform_.api.permissions import problems, require_acting_firm


class Newest(CursorPagination):
    ordering = "-id"


class GuidanceListView(generics.ListAPIView):
    api_resource = "guidance"
    permission_classes = [IsAuthenticated]
    serializer_class = io.GuidanceOut
    pagination_class = Newest
    filter_backends: list[Any] = []

    @extend_schema(
        operation_id="guidance_list",
        summary="Guidance reaching the firm",
        description="Policy notices, calls for collaborative projects and subsidy schemes in force, of verified "
        "agencies, whose jurisdiction, provinces and sectors reach the acting firm (an API key's firm).",
        responses={200: io.GuidanceOut(many=True), **problems(403)},
    )
    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Guidance]:
        firm = require_acting_firm(self.request)
        reaching = [g.pk for g in selectors.guidance_for_firm(firm=firm)]
        return Guidance.objects.filter(pk__in=reaching).select_related("agency").prefetch_related("sectors")
