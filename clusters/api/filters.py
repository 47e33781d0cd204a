"""Query filters of the memberships list: by cluster, firm and status."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from clusters.models import ClusterMembership, MembershipStatus


class MembershipFilter(filters.FilterSet):
    cluster = filters.CharFilter(field_name="cluster__slug", help_text=_("The cluster's short name (slug)."))
    firm = filters.NumberFilter(field_name="firm_id", help_text=_("The firm's id."))
    status = filters.MultipleChoiceFilter(choices=MembershipStatus.choices, help_text=_("One or more statuses."))

    class Meta:
        model = ClusterMembership
        fields = ["cluster", "firm", "status"]
