"""Runs in the Django admin, read-only: when, with which parameters, how far, and any error."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from spillover.models import Run


@admin.register(Run)
class RunAdmin(admin.ModelAdmin):
    list_display = ("id", "as_of", "status", "is_current", "stage", "progress", "event_count", "folded_count")
    list_filter = ("status", "is_current")
    readonly_fields = [f.name for f in Run._meta.fields]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False
