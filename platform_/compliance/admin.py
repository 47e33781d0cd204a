"""The operator publishes the privacy policy's versions here; consents are read-only records."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from platform_.compliance.models import Consent, PolicyVersion
from platform_.compliance.selectors import policy_hash


@admin.register(PolicyVersion)
class PolicyVersionAdmin(admin.ModelAdmin):
    list_display = ["version", "published_at", "sha256"]
    readonly_fields = ["sha256"]

    def get_readonly_fields(self, request: Any, obj: PolicyVersion | None = None) -> list[str]:
        # A published text is what consents refer to by hash: it never changes, a new version is added.
        return ["version", "text_zh", "text_en", "published_at", "sha256"] if obj is not None else ["sha256"]

    def save_model(self, request: Any, obj: PolicyVersion, form: Any, change: bool) -> None:
        obj.sha256 = policy_hash(text_zh=obj.text_zh, text_en=obj.text_en)
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request: Any, obj: PolicyVersion | None = None) -> bool:
        return False


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["user", "purpose", "policy", "given_at", "withdrawn_at"]
    list_filter = ["purpose"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Consent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Consent | None = None) -> bool:
        return False
