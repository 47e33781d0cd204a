"""The agencies' webhook events and who hears them (registered when AgenciesConfig.ready imports this module)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from agencies.models import Guidance
from agencies.selectors import firms_reached
from clusters.models import ClusterMembership, MembershipStatus
from platform_.api.webhooks import payload_id, webhook_event_register


def guidance_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The firms the guidance reaches (its jurisdiction, provinces and sectors)."""
    guidance = Guidance.objects.filter(pk=payload_id(payload, "guidance_id")).select_related("agency").first()
    if guidance is None:
        return set()
    return set(firms_reached(guidance).filter(pk__in=candidates).values_list("pk", flat=True))


def endorsement_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The cluster's active member firms."""
    return set(
        ClusterMembership.objects.filter(
            cluster_id=payload_id(payload, "cluster_id"), status=MembershipStatus.ACTIVE, firm_id__in=candidates
        ).values_list("firm_id", flat=True)
    )


webhook_event_register(
    name="guidance.published",
    description=_("A public agency published guidance that reaches the firm"),
    audience=guidance_audience,
    payload_fields=("guidance_id", "agency_id"),
)
webhook_event_register(
    name="cluster.endorsed",
    description=_("A public agency endorsed a cluster the firm belongs to"),
    audience=endorsement_audience,
    payload_fields=("cluster_id", "agency_id", "endorsement_id"),
)
webhook_event_register(
    name="cluster.endorsement_revoked",
    description=_("A public agency revoked its endorsement of a cluster the firm belongs to"),
    audience=endorsement_audience,
    payload_fields=("cluster_id", "agency_id", "endorsement_id"),
)
