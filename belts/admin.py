from django.contrib import admin

from belts.models import Belt, BeltMember


@admin.register(Belt)
class BeltAdmin(admin.ModelAdmin):
    list_display = ("name_zh", "name_en", "province", "city", "agency")
    list_filter = ("province",)
    filter_horizontal = ("sectors",)


@admin.register(BeltMember)
class BeltMemberAdmin(admin.ModelAdmin):
    list_display = ("belt", "firm", "status", "decided_at")
    list_filter = ("status",)
    readonly_fields = ("belt", "firm", "status", "decided_by", "decided_at")
