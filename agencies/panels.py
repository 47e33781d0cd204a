"""The agencies' panel on a cluster's page: who endorses it, and the guidance that reaches its members."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from agencies import selectors
from clusters.models import ClusterMembership, MembershipStatus
from clusters.selectors import is_moderator
from platform_.identity.middleware import acting_firm
from platform_.panels import Panel, panel_register


def _cluster_panel(request: HttpRequest, *, cluster: Any) -> dict[str, Any] | None:
    """Endorsements are public; the guidance reaching the cluster's members is shown to its members and moderators."""
    firm = acting_firm(request)
    inside = is_moderator(user=request.user, cluster=cluster) or (
        firm is not None
        and ClusterMembership.objects.filter(cluster=cluster, firm=firm, status=MembershipStatus.ACTIVE).exists()
    )
    endorsements = selectors.endorsing_agencies(cluster=cluster)
    guidance = selectors.guidance_for_cluster(cluster=cluster) if inside else []
    if not endorsements and not guidance:
        return None
    return {"cluster": cluster, "endorsements": endorsements, "guidance": guidance}


def register() -> None:
    panel_register(
        Panel(
            name="agencies", page="cluster", region="main", template="agencies/panels/cluster.html",
            context=_cluster_panel, order=10,
        )
    )  # fmt: skip
