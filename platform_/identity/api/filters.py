"""Query filters of the firm directory: province, sector, capability, need and free text."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from platform_.identity.models import Capability, Firm, Sector
from platform_.identity.regions import Province


class FirmFilter(filters.FilterSet):
    province = filters.ChoiceFilter(choices=Province.choices, help_text=_("Province code (GB/T 2260), e.g. 33."))
    sector = filters.ModelChoiceFilter(
        field_name="sectors",
        to_field_name="code",
        queryset=Sector.objects.all(),
        distinct=True,
        help_text=_("Sector code (GB/T 4754 division), e.g. 17."),
    )
    capability = filters.ModelChoiceFilter(
        field_name="capabilities",
        to_field_name="code",
        queryset=Capability.objects.all(),
        distinct=True,
        help_text=_("Firms that have this capability (code)."),
    )
    need = filters.ModelChoiceFilter(
        field_name="needs",
        to_field_name="code",
        queryset=Capability.objects.all(),
        distinct=True,
        help_text=_("Firms that need this capability (code)."),
    )
    search = filters.CharFilter(method="filter_search", help_text=_("Words in the name, city or description."))

    class Meta:
        model = Firm
        fields = ["province", "sector", "capability", "need", "search"]

    def filter_search(self, queryset: QuerySet[Firm], name: str, value: str) -> QuerySet[Firm]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name_zh__icontains=value)
            | Q(name_en__icontains=value)
            | Q(city__icontains=value)
            | Q(description__icontains=value)
        )
