"""Django admin of clusters: the approval queue of proposed clusters, the queue of applications,
and the read-only history of memberships. Decisions go through the services, as in the pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster, ClusterMembership, ClusterStatus, MembershipEvent, MembershipStatus
from clusters.services import cluster_decide, membership_transition
from platform_.errors import DomainError


def _run(request: HttpRequest, queryset: QuerySet[Any], decide: Callable[[Any, str], object], reason: str) -> None:
    done = 0
    for row in queryset:
        try:
            decide(row, reason)
        except DomainError as error:
            messages.error(request, f"{row}: {error.message}")
        else:
            done += 1
    if done:
        messages.success(request, gettext("%(count)d decided.") % {"count": done})


def _with_reason(
    modeladmin: admin.ModelAdmin,
    request: HttpRequest,
    queryset: QuerySet[Any],
    title: str,
    decide: Callable[[Any, str], object],
) -> HttpResponse | None:
    """Ask for a reason on an intermediate page, then decide each selected row."""
    if request.POST.get("confirm"):
        _run(request, queryset, decide, request.POST.get("reason", "").strip())
        return None
    return TemplateResponse(
        request,
        "admin/clusters/reason.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": title,
            "objects": queryset,
            "action": request.POST.get("action"),
            "ids": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "opts": modeladmin.model._meta,
        },
    )


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["__str__", "slug", "status", "join_policy", "home_province", "proposed_by", "created_at"]
    list_filter = ["status", "join_policy", "home_province", "sectors"]
    search_fields = ["name_zh", "name_en", "slug", "theme", "home_belt"]
    list_select_related = ["proposed_by"]
    filter_horizontal = ["sectors", "moderators"]
    raw_id_fields = ["proposed_by", "proposer", "decided_by"]
    readonly_fields = ["status", "decided_by", "decision_reason", "created_at"]
    actions = ["approve_clusters", "reject_clusters"]

    @admin.action(description=_("Approve the selected proposed clusters"))
    def approve_clusters(self, request: HttpRequest, queryset: QuerySet[Cluster]) -> None:
        _run(
            request,
            queryset,
            lambda cluster, reason: cluster_decide(cluster=cluster, by=request.user, approve=True, reason=reason),  # type: ignore[arg-type]
            "",
        )

    @admin.action(description=_("Reject the selected proposed clusters (with a reason)"))
    def reject_clusters(self, request: HttpRequest, queryset: QuerySet[Cluster]) -> HttpResponse | None:
        return _with_reason(
            self,
            request,
            queryset.filter(status=ClusterStatus.PROPOSED),
            gettext("Reject clusters"),
            lambda cluster, reason: cluster_decide(cluster=cluster, by=request.user, approve=False, reason=reason),  # type: ignore[arg-type]
        )


class MembershipEventInline(admin.TabularInline):
    model = MembershipEvent
    extra = 0
    can_delete = False
    fields = ["at", "action", "from_status", "to_status", "actor", "reason"]
    readonly_fields = ["at", "action", "from_status", "to_status", "actor", "reason"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class PendingFilter(admin.SimpleListFilter):
    title = _("queue")
    parameter_name = "queue"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("applications", _("Applications waiting")), ("invitations", _("Invitations waiting"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "applications":
            return queryset.filter(status=MembershipStatus.APPLIED)
        if self.value() == "invitations":
            return queryset.filter(status=MembershipStatus.INVITED)
        return queryset


@admin.register(ClusterMembership)
class ClusterMembershipAdmin(admin.ModelAdmin):
    list_display = ["firm", "cluster", "status", "created_at", "joined_at"]
    list_filter = [PendingFilter, "status", "cluster"]
    search_fields = ["firm__name_zh", "firm__name_en", "cluster__name_zh", "cluster__name_en", "cluster__slug"]
    list_select_related = ["firm", "cluster"]
    readonly_fields = ["cluster", "firm", "status", "message", "created_at", "updated_at", "joined_at"]
    inlines = [MembershipEventInline]
    actions = ["approve_applications", "reject_applications"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Approve the selected applications"))
    def approve_applications(self, request: HttpRequest, queryset: QuerySet[ClusterMembership]) -> None:
        _run(
            request,
            queryset,
            lambda row, reason: membership_transition(membership=row, action="approve", by=request.user, reason=reason),  # type: ignore[arg-type]
            "",
        )

    @admin.action(description=_("Reject the selected applications (with a reason)"))
    def reject_applications(self, request: HttpRequest, queryset: QuerySet[ClusterMembership]) -> HttpResponse | None:
        return _with_reason(
            self,
            request,
            queryset.filter(status=MembershipStatus.APPLIED),
            gettext("Reject applications"),
            lambda row, reason: membership_transition(membership=row, action="reject", by=request.user, reason=reason),  # type: ignore[arg-type]
        )


@admin.register(MembershipEvent)
class MembershipEventAdmin(admin.ModelAdmin):
    list_display = ["at", "membership", "action", "from_status", "to_status", "actor"]
    list_filter = ["action", "to_status"]
    list_select_related = ["membership__firm", "membership__cluster", "actor"]
    search_fields = ["membership__firm__name_zh", "membership__firm__name_en", "reason"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
