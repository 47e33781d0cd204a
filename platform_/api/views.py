"""The partner API's own resources: a firm's webhook endpoints, their delivery log and replay."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from platform_.api import webhooks
from platform_.api.models import WebhookDelivery, WebhookEndpoint
from platform_.api.permissions import caller
from platform_.api.scopes import HasApiScope
from platform_.api.serializers import (
    WebhookDeliveryOutput,
    WebhookEndpointCreated,
    WebhookEndpointInput,
    WebhookEndpointOutput,
)


def acting_firm_or_403(request: Request) -> Any:
    firm = getattr(request, "firm", None)
    if not firm:
        raise exceptions.PermissionDenied(_("Act for a firm to use this endpoint."))
    return firm


class _EndpointWrites:
    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        endpoint = self.get_object()  # type: ignore[attr-defined]
        serializer = WebhookEndpointInput(data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        endpoint = webhooks.webhook_endpoint_update(endpoint=endpoint, by=caller(request), **serializer.validated_data)
        return Response(WebhookEndpointOutput(endpoint).data)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        webhooks.webhook_endpoint_delete(endpoint=self.get_object(), by=caller(request))  # type: ignore[attr-defined]
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary="List webhook endpoints"),
    retrieve=extend_schema(summary="Read a webhook endpoint"),
    destroy=extend_schema(summary="Delete a webhook endpoint"),
)
class WebhookEndpointViewSet(
    _EndpointWrites,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """The acting firm's webhook endpoints. Writes need a firm owner's or administrator's key."""

    api_resource = "webhooks"
    permission_classes = [permissions.IsAuthenticated, HasApiScope]
    filterset_fields = ["active"]
    ordering_fields = ["id", "created_at"]
    queryset = WebhookEndpoint.objects.none()

    def get_queryset(self) -> QuerySet[WebhookEndpoint]:
        return webhooks.endpoints_of(firm=acting_firm_or_403(self.request))

    def get_serializer_class(self) -> Any:
        if self.action in {"create", "update", "partial_update"}:
            return WebhookEndpointInput
        return WebhookEndpointOutput

    @extend_schema(
        summary="Create a webhook endpoint",
        description="The answer holds the signing secret, shown this once.",
        request=WebhookEndpointInput,
        responses={201: WebhookEndpointCreated},
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = WebhookEndpointInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        endpoint = webhooks.webhook_endpoint_create(
            firm=acting_firm_or_403(request), by=caller(request), **serializer.validated_data
        )
        return Response(WebhookEndpointCreated(endpoint).data, status=status.HTTP_201_CREATED)

    @extend_schema(summary="Replace a webhook endpoint", request=WebhookEndpointInput, responses=WebhookEndpointOutput)
    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().update(request, *args, **kwargs)

    @extend_schema(
        summary="Update a webhook endpoint",
        description="Only the fields sent change.",
        request=WebhookEndpointInput,
        responses=WebhookEndpointOutput,
    )
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().partial_update(request, *args, **kwargs)


@extend_schema_view(
    list=extend_schema(summary="List webhook deliveries"),
    retrieve=extend_schema(summary="Read a webhook delivery"),
)
class WebhookDeliveryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The delivery log of the acting firm's endpoints; a delivery can be replayed."""

    api_resource = "webhooks"
    permission_classes = [permissions.IsAuthenticated, HasApiScope]
    serializer_class = WebhookDeliveryOutput
    filterset_fields = ["endpoint", "status", "event", "dead_lettered"]
    ordering_fields = ["id", "created_at"]
    queryset = WebhookDelivery.objects.none()

    def get_queryset(self) -> QuerySet[WebhookDelivery]:
        return webhooks.deliveries_of(firm=acting_firm_or_403(self.request))

    @extend_schema(
        summary="Replay a webhook delivery",
        description="Sends the event again as a new delivery with the same event id.",
        request=None,
        responses={201: WebhookDeliveryOutput},
    )
    @action(detail=True, methods=["post"])
    def replay(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        copy = webhooks.webhook_delivery_replay(delivery=self.get_object(), by=caller(request))
        return Response(WebhookDeliveryOutput(copy).data, status=status.HTTP_201_CREATED)
