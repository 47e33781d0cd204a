"""A cluster's group-chat robot: a moderator adds one for the cluster's events, through a firm they manage."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from clusters.selectors import is_moderator
from platform_.api.models import WebhookEndpoint
from platform_.api.webhooks.robot_channels import group_robot_add
from platform_.errors import NotAllowed
from platform_.identity.models import Firm, User


def cluster_robot_add(*, cluster: Cluster, firm: Firm, by: User, **robot: Any) -> WebhookEndpoint:
    """The robot hears only events about the cluster, and of those only what ``firm`` may hear.

    The platform delivers through a firm's endpoints (its queue, log and audit), so the moderator
    names a firm they manage; group_robot_add checks that they do.
    """
    if not is_moderator(user=by, cluster=cluster):
        raise NotAllowed(_("Only the cluster's moderators or a platform administrator may do this."))
    return group_robot_add(firm=firm, by=by, cluster_id=cluster.pk, **robot)
