"""Agencies API: verified agencies in the open (no key, throttled per client address), and the guidance in force
that reaches the acting firm (the API key's firm)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.permissions import AllowAny, IsAuthenticated

from agencies import selectors
from agencies.api import serializers as io
from agencies.models import Agency, Guidance
from platform_.api.pagination import CursorPagination
from platform_.api.permissions import problems, require_acting_firm
from platform_.api.throttling import OpenDataThrottle


class Newest(CursorPagination):
    ordering = "-id"


class Oldest(CursorPagination):
    ordering = "id"


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


class _OpenAgencies(generics.GenericAPIView):
    api_resource = "open"
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [OpenDataThrottle]
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Agency]:
        return selectors.verified_agencies()


class AgencyListView(_OpenAgencies, generics.ListAPIView):
    serializer_class = io.AgencyOut
    pagination_class = Oldest

    @extend_schema(
        operation_id="agencies_list",
        summary="Verified public agencies",
        description="Public bodies verified by the platform: kind, jurisdiction regions and the number of clusters "
        "they endorse. Never their people. No key needed; throttled per client address.",
        responses={200: io.AgencyOut(many=True), **problems(400)},
    )
    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        return super().get(request, *args, **kwargs)


class AgencyDetailView(_OpenAgencies, generics.RetrieveAPIView):
    serializer_class = io.AgencyDetailOut

    @extend_schema(
        operation_id="agencies_retrieve",
        summary="One verified public agency",
        description="A verified agency with the clusters it endorses now (cluster id and name, date). "
        "No key needed; throttled per client address.",
        responses={200: io.AgencyDetailOut, **problems(404)},
    )
    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        return super().get(request, *args, **kwargs)
