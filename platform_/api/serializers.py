"""Serializers of the partner API's own resources: webhook endpoints and their deliveries."""

from __future__ import annotations

from rest_framework import serializers

from platform_.api.lean import LeanOutput
from platform_.api.models import WebhookDelivery, WebhookEndpoint
from platform_.api.webhooks import webhook_events

EVENT_CHOICES = [*webhook_events(), "*"]


class WebhookEndpointInput(serializers.Serializer):
    url = serializers.URLField(max_length=500)
    events = serializers.ListField(child=serializers.ChoiceField(choices=EVENT_CHOICES), min_length=1, max_length=20)
    description = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    active = serializers.BooleanField(required=False, default=True)


class WebhookEndpointOutput(serializers.ModelSerializer):
    events = serializers.ListField(child=serializers.CharField(), read_only=True)  # typed in the schema

    class Meta:
        model = WebhookEndpoint
        fields = ["id", "url", "events", "description", "active", "created_at"]


class WebhookEndpointCreated(WebhookEndpointOutput):
    """The secret is returned once, when the endpoint is created."""

    class Meta(WebhookEndpointOutput.Meta):
        fields = [*WebhookEndpointOutput.Meta.fields, "secret"]


class WebhookDeliveryOutput(LeanOutput, serializers.ModelSerializer):
    payload = serializers.DictField(read_only=True, help_text="The body's `data` as delivered (WebhookEvent).")

    class Meta:
        model = WebhookDelivery
        fields = [
            "id",
            "endpoint",
            "event",
            "payload",
            "status",
            "attempts",
            "next_attempt_at",
            "last_attempt_at",
            "last_status_code",
            "last_error",
            "delivered_at",
            "dead_lettered",
            "replay_of",
            "created_at",
        ]
