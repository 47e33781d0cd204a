"""A cluster's group-chat robot: a moderator adds one for the cluster's events, through a firm they manage."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from clusters.selectors import is_moderator
from platform_.api.models import EndpointKind, WebhookEndpoint
from platform_.api.webhooks.robot_channels import group_robot_add
from platform_.audit.services import audit_record
from platform_.errors import NotAllowed
from platform_.identity.models import MANAGING_ROLES, Firm, User


def _require_moderator(*, cluster: Cluster, by: User) -> None:
    if not is_moderator(user=by, cluster=cluster):
        raise NotAllowed(_("Only the cluster's moderators or a platform administrator may do this."))


def cluster_robots(*, cluster: Cluster) -> QuerySet[WebhookEndpoint]:
    """The cluster's robots, with the firm each delivers through (for its moderators only)."""
    return (
        WebhookEndpoint.objects.filter(cluster_id=cluster.pk)
        .exclude(kind=EndpointKind.WEBHOOK)
        .select_related("firm")
        .order_by("id")
    )


def firms_managed_by(*, user: User) -> QuerySet[Firm]:
    """The active firms the person owns or administers: those a robot of theirs may deliver through."""
    return Firm.objects.filter(members__user=user, members__role__in=MANAGING_ROLES, is_active=True).order_by("id")


def cluster_robot_add(*, cluster: Cluster, firm: Firm, by: User, **robot: Any) -> WebhookEndpoint:
    """The robot hears only events about the cluster, and of those only what ``firm`` may hear.

    The platform delivers through a firm's endpoints (its queue, log and audit), so the moderator
    names a firm they manage; group_robot_add checks that they do.
    """
    _require_moderator(cluster=cluster, by=by)
    return group_robot_add(firm=firm, by=by, cluster_id=cluster.pk, **robot)


@transaction.atomic
def cluster_robot_remove(*, cluster: Cluster, endpoint: WebhookEndpoint, by: User) -> None:
    """Any of the cluster's moderators removes any of its robots, whichever firm it delivers through."""
    _require_moderator(cluster=cluster, by=by)
    if endpoint.cluster_id != cluster.pk or not endpoint.is_robot:
        raise NotAllowed(_("This robot is not one of the cluster's."))
    audit_record(
        actor=by,
        action="cluster.robot.remove",
        target=endpoint,
        firm=endpoint.firm,
        cluster=cluster,
        data={"kind": endpoint.kind, "cluster": cluster.pk},
    )
    endpoint.delete()
