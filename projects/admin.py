"""Django admin for design projects: read mostly; the lifecycle is changed through the services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from platform_.readonly_admin import ReadOnlyAdmin
from projects.models import (
    Appeal,
    Award,
    Contract,
    Criterion,
    Entry,
    EntryVersion,
    IpTransfer,
    Judge,
    Phase,
    Project,
    ProjectTransition,
    Question,
    Team,
    TeamFirm,
    TeamInvitation,
    TermsAcceptance,
)


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


class JudgeInline(admin.TabularInline):
    model = Judge
    extra = 0
    raw_id_fields = ["user", "added_by"]


class TransitionInline(admin.TabularInline):
    model = ProjectTransition
    extra = 0
    can_delete = False
    readonly_fields = ["action", "from_status", "to_status", "actor", "reason", "at"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "sponsor", "kind", "status", "deadline", "ip_terms"]
    list_filter = ["status", "kind", "eligibility", "ip_terms"]
    search_fields = ["title", "sponsor__name_zh", "sponsor__name_en"]
    raw_id_fields = ["sponsor", "cluster", "created_by"]
    filter_horizontal = ["eligible_clusters", "invited_firms"]
    readonly_fields = ["status", "status_reason", "rubric_frozen_at", "panel_closed_at"]
    inlines = [CriterionInline, JudgeInline, TransitionInline]


class TeamFirmInline(admin.TabularInline):
    model = TeamFirm
    extra = 0
    raw_id_fields = ["firm", "project"]


class TeamInvitationInline(admin.TabularInline):
    """Read-only: only the invited firm's owners or administrators answer an invitation."""

    model = TeamInvitation
    extra = 0
    can_delete = False
    readonly_fields = ["firm", "share", "status", "invited_by", "decided_by", "created_at", "decided_at"]
    exclude = ["project"]

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "project", "lead"]
    raw_id_fields = ["project", "lead", "created_by"]
    inlines = [TeamFirmInline, TeamInvitationInline]


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    """Entries are sealed: their content is not shown here before the project closes."""

    list_display = ["title", "project", "team", "outcome"]
    list_filter = ["outcome"]
    raw_id_fields = ["project", "team", "cited_assets"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(EntryVersion)
class EntryVersionAdmin(admin.ModelAdmin):
    list_display = ["entry", "number", "submitted_at", "digest"]
    readonly_fields = ["entry", "number", "description", "submitted_by", "submitted_at", "digest"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


admin.site.register(
    Question,
    list_display=["project", "firm", "asked_at", "answered_at", "public"],
    raw_id_fields=["project", "firm", "asked_by", "answered_by"],
)
admin.site.register(
    TermsAcceptance, list_display=["project", "firm", "user", "accepted_at"], raw_id_fields=["project", "firm", "user"]
)
admin.site.register(
    Award,
    list_display=["project", "entry", "amount", "ip_terms", "asset", "awarded_at"],
    raw_id_fields=["project", "entry", "asset", "brief_asset", "awarded_by"],
)


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin):
    """Solvers' appeals against scores (read only: the panel answers them on the project's page)."""

    list_display = ["project", "entry", "phase_number", "status", "filed_at", "decided_at"]
    list_filter = ["status"]


@admin.register(Contract)
class ContractAdmin(ReadOnlyAdmin):
    list_display = ["project", "supplier", "price", "delivery_days", "created_at"]


@admin.register(IpTransfer)
class IpTransferAdmin(ReadOnlyAdmin):
    list_display = ["id", "award", "status"]
    list_filter = ["status"]


@admin.register(Phase)
class PhaseAdmin(ReadOnlyAdmin):
    list_display = ["project", "number", "name", "deadline"]
