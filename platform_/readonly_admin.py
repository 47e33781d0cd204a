"""A Django admin that only reads: for records the services keep (appeals, contracts, verification
requests, agencies' endorsements, moderation records…), which operators need to look up but must not
edit by hand, since every change of them goes through a service that audits and notifies. Django then
shows the list and each record as a view-only page."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
