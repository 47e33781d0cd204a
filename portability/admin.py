from django.contrib import admin

from portability.models import DataExport


@admin.register(DataExport)
class DataExportAdmin(admin.ModelAdmin):
    """Read-only: exports are requested by firms and built by the task, never edited by hand."""

    list_display = ["id", "firm", "status", "progress", "created_at", "expires_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in DataExport._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
