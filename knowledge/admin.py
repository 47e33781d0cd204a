"""The admin: moderation of assets (each decision with a reason, through the service) and read-only records."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from knowledge import services
from knowledge.models import (
    AccessRequest,
    Appeal,
    Asset,
    AssetLink,
    AssetOwnership,
    AssetVersion,
    CoOwnershipRequest,
    Decision,
    KnowledgeCategory,
    LicenceRequest,
    ModerationDecision,
    Report,
    UseEvent,
)
from platform_.errors import DomainError
from platform_.readonly_admin import ReadOnlyAdmin


class OwnershipInline(admin.TabularInline):
    model = AssetOwnership
    extra = 0
    can_delete = False
    readonly_fields = ["firm", "share"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


_VERSION_FIELDS = ("number", "original_name", "size", "content_type", "sha256", "created_at")
_DECISION_FIELDS = ("at", "decision", "from_status", "to_status", "decided_by", "reason")


class VersionInline(admin.TabularInline):
    model = AssetVersion
    extra = 0
    can_delete = False
    fields = _VERSION_FIELDS
    readonly_fields = _VERSION_FIELDS

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class DecisionInline(admin.TabularInline):
    model = ModerationDecision
    extra = 0
    can_delete = False
    fields = _DECISION_FIELDS
    readonly_fields = _DECISION_FIELDS

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _moderation_action(decision: str, label: Any) -> Any:
    def action(modeladmin: AssetAdmin, request: HttpRequest, queryset: QuerySet[Asset]) -> HttpResponse | None:
        reason = (request.POST.get("reason") or "").strip()
        if "apply" in request.POST and reason:
            done = 0
            for asset in queryset:
                try:
                    services.asset_moderate(asset=asset, by=request.user, decision=decision, reason=reason)
                    done += 1
                except DomainError as error:
                    modeladmin.message_user(request, f"{asset}: {error.message}", messages.ERROR)
            modeladmin.message_user(request, _("%(count)d decisions recorded.") % {"count": done})
            return None
        context = {
            **modeladmin.admin_site.each_context(request),
            "assets": queryset,
            "action": request.POST["action"],
            "label": label,
            "opts": modeladmin.model._meta,
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        }
        return TemplateResponse(request, "admin/knowledge/moderate.html", context)

    action.__name__ = f"moderate_{decision}"
    action.short_description = label  # type: ignore[attr-defined]
    return action


@admin.register(Asset)
class AssetAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "access_level", "created_at", "published_at"]
    list_filter = ["status", "kind", "access_level", "licence", "review_clusters"]
    search_fields = ["title_zh", "title_en"]
    date_hierarchy = "created_at"
    inlines = [OwnershipInline, VersionInline, DecisionInline]
    readonly_fields = ["status", "created_by", "created_at", "published_at", "reviewed_at", "review_clusters"]
    exclude = ["search_vector", "search_document"]
    filter_horizontal = ["categories", "access_clusters", "access_firms"]
    actions = [
        _moderation_action(Decision.APPROVE, gettext_lazy("Approve the selected assets")),
        _moderation_action(Decision.REJECT, gettext_lazy("Reject the selected assets")),
        _moderation_action(Decision.REQUEST_CHANGES, gettext_lazy("Ask for changes to the selected assets")),
        _moderation_action(Decision.TAKE_DOWN, gettext_lazy("Take down the selected assets")),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # assets are created by firms, through the pages or the API


@admin.register(KnowledgeCategory)
class KnowledgeCategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name_zh", "name_en", "parent"]
    search_fields = ["code", "name_zh", "name_en"]


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(ReadOnlyAdmin):
    list_display = ["at", "asset", "decision", "from_status", "to_status", "decided_by", "reason"]
    list_filter = ["decision"]


@admin.register(UseEvent)
class UseEventAdmin(ReadOnlyAdmin):
    list_display = ["occurred_at", "firm", "asset", "kind"]
    list_filter = ["kind"]


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "asset", "reporter", "reason", "resolved_at"]


@admin.register(LicenceRequest, AccessRequest)
class RequestAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "asset", "firm", "status", "decided_at"]
    list_filter = ["status"]


@admin.register(CoOwnershipRequest)
class CoOwnershipRequestAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "asset", "from_firm", "firm", "share", "status", "decided_at"]
    list_filter = ["status"]


@admin.register(AssetLink)
class AssetLinkAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "citing", "cited", "kind"]


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin):
    """Owners' appeals against moderation decisions (read only: the moderation pages decide them)."""

    list_display = ["asset", "firm", "status"]
    list_filter = ["status"]
