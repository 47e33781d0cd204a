"""Django admin for duplicate flags (read only: moderators decide them on the moderation pages)."""

from django.contrib import admin

from platform_.duplicates.models import DuplicateFlag
from platform_.readonly_admin import ReadOnlyAdmin


@admin.register(DuplicateFlag)
class DuplicateFlagAdmin(ReadOnlyAdmin):
    list_display = ["kind", "subject_id", "match_kind", "match_id", "method", "similarity", "status"]
    list_filter = ["status"]
