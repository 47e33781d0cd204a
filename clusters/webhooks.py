"""The clusters' webhook events and who hears them (registered when ClustersConfig.ready imports this module)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from clusters.models import ClusterMembership, MembershipStatus
from platform_.api.webhooks import payload_id, webhook_event_register


def membership_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The member firm and the other active members of the cluster."""
    peers = ClusterMembership.objects.filter(
        cluster_id=payload_id(payload, "cluster_id"), status=MembershipStatus.ACTIVE, firm_id__in=candidates
    ).values_list("firm_id", flat=True)
    return {int(firm_id) for firm_id in [payload_id(payload, "firm_id"), *peers] if firm_id is not None}


webhook_event_register(
    name="membership.approved", description=_("A cluster membership was approved"), audience=membership_audience
)
