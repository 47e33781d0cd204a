"""Django admin for verification requests (read only: administrators decide them on the review page)."""

from django.contrib import admin

from platform_.readonly_admin import ReadOnlyAdmin
from platform_.verification.models import VerificationRequest


@admin.register(VerificationRequest)
class VerificationRequestAdmin(ReadOnlyAdmin):
    list_display = ["firm", "provider", "status"]
    list_filter = ["status"]
