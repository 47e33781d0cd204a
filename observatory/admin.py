"""Django admin for the observatory: the firms that opted out of the open statistics (read only)."""

from django.contrib import admin

from observatory.models import OpenStatisticsOptOut
from platform_.readonly_admin import ReadOnlyAdmin

admin.site.register(OpenStatisticsOptOut, ReadOnlyAdmin)
