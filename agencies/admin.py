"""Django admin for agencies: read only; verification, endorsements and guidance go through the services."""

from django.contrib import admin

from agencies.models import Agency, ClusterActivity, Endorsement, Guidance
from platform_.readonly_admin import ReadOnlyAdmin


@admin.register(Agency)
class AgencyAdmin(ReadOnlyAdmin):
    list_display = ["name_zh", "name_en", "kind", "status", "national"]
    list_filter = ["status", "kind"]
    search_fields = ["name_zh", "name_en", "credit_code"]


@admin.register(Endorsement)
class EndorsementAdmin(ReadOnlyAdmin):
    list_display = ["agency", "cluster", "created_at", "revoked_at"]


@admin.register(Guidance)
class GuidanceAdmin(ReadOnlyAdmin):
    list_display = ["title", "agency", "kind", "valid_from", "valid_until"]
    list_filter = ["kind"]
    search_fields = ["title"]


@admin.register(ClusterActivity)
class ClusterActivityAdmin(ReadOnlyAdmin):
    list_display = ["cluster", "assets", "uses_12m", "as_of"]
