"""The labels of the clusters' audit actions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from platform_.audit.labels import audit_labels_register

audit_labels_register(
    {
        "cluster.propose": _("Cluster proposed"),
        "cluster.approve": _("Cluster approved"),
        "cluster.reject": _("Cluster not approved"),
        "cluster.moderator.invite": _("Moderator invited"),
        "cluster.moderator.decline": _("Moderator invitation declined"),
        "cluster.moderator.add": _("Moderator added"),
        "cluster.moderator.remove": _("Moderator removed"),
        "cluster.robot.remove": _("Cluster's group-chat robot removed"),
        "membership.found": _("Cluster founded with its first member"),
        "membership.join": _("Firm joined the cluster"),
        "membership.apply": _("Firm applied to join the cluster"),
        "membership.invite": _("Firm invited to the cluster"),
        "membership.accept": _("Firm accepted the invitation to the cluster"),
        "membership.decline": _("Firm declined the invitation to the cluster"),
        "membership.approve": _("Application to the cluster approved"),
        "membership.reject": _("Application to the cluster rejected"),
        "membership.withdraw": _("Application to the cluster withdrawn"),
        "membership.leave": _("Firm left the cluster"),
        "membership.remove": _("Firm removed from the cluster"),
    }
)
