"""Django admin of identity: people, firms with their members and invitations, and the taxonomies."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import models
from django.utils.translation import gettext_lazy as _

from platform_.identity.models import Capability, Firm, FirmInvitation, FirmMember, Sector, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "display_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("display_name", "first_name", "last_name", "email_notifications")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


class FirmMemberInline(admin.TabularInline):
    model = FirmMember
    extra = 0
    raw_id_fields = ["user"]
    fields = ["user", "role", "title", "joined_at"]
    readonly_fields = ["joined_at"]


class FirmInvitationInline(admin.TabularInline):
    model = FirmInvitation
    extra = 0
    fields = ["email", "role", "invited_by", "created_at", "expires_at", "accepted_at", "revoked_at"]
    readonly_fields = ["invited_by", "created_at", "accepted_at"]


@admin.register(Firm)
class FirmAdmin(admin.ModelAdmin):
    list_display = ["__str__", "credit_code", "province", "city", "size", "is_active", "created_at"]
    list_filter = ["is_active", "size", "province", "sectors"]
    search_fields = ["name_zh", "name_en", "credit_code", "city"]
    filter_horizontal = ["sectors", "capabilities", "needs"]
    inlines = [FirmMemberInline, FirmInvitationInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # Django 6.0's default, as the pages use


@admin.register(FirmInvitation)
class FirmInvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "firm", "role", "invited_by", "created_at", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["role"]
    search_fields = ["email", "firm__name_zh", "firm__name_en"]
    list_select_related = ["firm", "invited_by"]
    raw_id_fields = ["firm", "invited_by"]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["code", "section", "name_zh", "name_en"]
    list_filter = ["section"]
    search_fields = ["code", "name_zh", "name_en"]


@admin.register(Capability)
class CapabilityAdmin(admin.ModelAdmin):
    list_display = ["code", "name_zh", "name_en", "parent"]
    search_fields = ["code", "name_zh", "name_en"]
    list_select_related = ["parent"]
