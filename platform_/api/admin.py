"""Admin views of API keys, their calls and webhook deliveries (read-mostly: secrets never shown)."""

from django.contrib import admin
from django.db import models

from platform_.api.models import ApiCall, ApiKey, WebhookDelivery, WebhookEndpoint


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "firm", "created_by", "created_at", "expires_at", "revoked_at", "last_used_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "prefix", "firm__name_zh", "firm__name_en"]
    readonly_fields = ["prefix", "hashed_secret", "created_by", "created_at", "last_used_at"]
    raw_id_fields = ["firm"]


@admin.register(ApiCall)
class ApiCallAdmin(admin.ModelAdmin):
    list_display = ["at", "key", "method", "endpoint", "status", "duration_ms"]
    list_filter = ["method", "status"]
    raw_id_fields = ["key"]


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    list_display = ["url", "firm", "active", "created_at"]
    list_filter = ["active"]
    exclude = ["secret"]
    raw_id_fields = ["firm"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # Django 6.0's default, as the pages use


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["id", "endpoint", "event", "status", "attempts", "last_status_code", "next_attempt_at"]
    list_filter = ["status", "event", "dead_lettered"]
    raw_id_fields = ["endpoint", "replay_of"]
