"""Reads for clusters: the directory, members, moderators' queues and who moderates what."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from clusters.models import Cluster, ClusterMembership, ClusterStatus, MembershipEvent, MembershipStatus
from platform_.errors import NotAllowed
from platform_.identity.models import Firm, FirmMember


def is_moderator(*, user: Any, cluster: Cluster | int) -> bool:
    """Cluster moderators and platform administrators moderate a cluster."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_platform_admin:
        return True
    cluster_id = cluster if isinstance(cluster, int) else cluster.pk
    return Cluster.objects.filter(pk=cluster_id, moderators=user).exists()


def moderated_cluster_ids(*, user: Any) -> set[int]:
    if user is None or not user.is_authenticated:
        return set()
    return set(Cluster.objects.filter(moderators=user).values_list("id", flat=True))


def active_cluster_ids(*, firm: Firm | int | None) -> set[int]:
    """The clusters the firm is an active member of."""
    if firm is None:
        return set()
    firm_id = firm if isinstance(firm, int) else firm.pk
    return set(
        ClusterMembership.objects.filter(firm_id=firm_id, status=MembershipStatus.ACTIVE).values_list(
            "cluster_id", flat=True
        )
    )


def is_active_member(*, firm: Firm | int | None, cluster: Cluster | int) -> bool:
    if firm is None:
        return False
    cluster_id = cluster if isinstance(cluster, int) else cluster.pk
    return cluster_id in active_cluster_ids(firm=firm)


def clusters_visible_to(*, user: Any) -> QuerySet[Cluster]:
    """Approved clusters for everyone; administrators also see proposed and rejected ones,
    and a firm's people see the clusters their firm proposed."""
    queryset = Cluster.objects.all()
    if user is not None and user.is_authenticated and user.is_platform_admin:
        return queryset
    visible = Q(status=ClusterStatus.APPROVED)
    if user is not None and user.is_authenticated:
        visible |= Q(proposed_by__members__user=user)
    return queryset.filter(visible).distinct()


def clusters_directory(
    *,
    user: Any = None,
    query: str = "",
    sector: str = "",
    province: str = "",
    capability: str = "",
    policy: str = "",
) -> QuerySet[Cluster]:
    """Approved clusters, filtered, each with its count of active member firms."""
    queryset = Cluster.objects.filter(status=ClusterStatus.APPROVED)
    if query:
        queryset = queryset.filter(
            Q(name_zh__icontains=query)
            | Q(name_en__icontains=query)
            | Q(theme__icontains=query)
            | Q(home_belt__icontains=query)
            | Q(description__icontains=query)
        )
    if sector:
        queryset = queryset.filter(sectors__code=sector)
    if province:
        queryset = queryset.filter(
            Q(home_province=province)
            | Q(memberships__status=MembershipStatus.ACTIVE, memberships__firm__province=province)
        )
    if capability:
        queryset = queryset.filter(
            memberships__status=MembershipStatus.ACTIVE, memberships__firm__capabilities__code=capability
        )
    if policy:
        queryset = queryset.filter(join_policy=policy)
    ids = queryset.values("id")
    # Counted per cluster on the (cluster, status) index: a join-and-group over every membership
    # sorts all of them (10x slower at 100k memberships).
    active = (
        ClusterMembership.objects.filter(cluster_id=OuterRef("pk"), status=MembershipStatus.ACTIVE)
        .order_by()
        .values("cluster_id")
        .annotate(n=Count("*"))
        .values("n")
    )
    return (
        Cluster.objects.filter(id__in=ids)
        .annotate(member_count=Coalesce(Subquery(active, output_field=IntegerField()), 0))
        .select_related("proposed_by")
        .prefetch_related("sectors")
        .order_by("-member_count", "id")
    )


def cluster_members(*, cluster: Cluster) -> QuerySet[ClusterMembership]:
    return (
        ClusterMembership.objects.filter(cluster=cluster, status=MembershipStatus.ACTIVE)
        .select_related("firm")
        .order_by("joined_at", "id")
    )


def member_provinces(*, cluster: Cluster) -> list[dict[str, Any]]:
    """Where the cluster's members are: [{"province": code, "count": n}], most first."""
    rows = (
        ClusterMembership.objects.filter(cluster=cluster, status=MembershipStatus.ACTIVE)
        .values("firm__province")
        .annotate(count=Count("id"))
        .order_by("-count", "firm__province")
    )
    return [{"province": row["firm__province"], "count": row["count"]} for row in rows]


def memberships_of_firm(*, firm: Firm) -> QuerySet[ClusterMembership]:
    return ClusterMembership.objects.filter(firm=firm).select_related("cluster").order_by("-updated_at", "-id")


def pending_for_moderator(*, user: Any) -> QuerySet[ClusterMembership]:
    """Applications waiting for this person's decision."""
    queryset = ClusterMembership.objects.filter(status=MembershipStatus.APPLIED).select_related("cluster", "firm")
    if not user.is_platform_admin:
        queryset = queryset.filter(cluster__moderators=user)
    return queryset.order_by("created_at", "id")


def memberships_visible_to(*, user: Any, firm: Firm | None) -> QuerySet[ClusterMembership]:
    """Memberships one may read: active ones of approved clusters for everyone; one's own firm's
    in any status; every membership of the clusters one moderates; all for administrators."""
    queryset = ClusterMembership.objects.select_related("cluster", "firm")
    if user is not None and user.is_authenticated and user.is_platform_admin:
        return queryset
    visible = Q(status=MembershipStatus.ACTIVE, cluster__status=ClusterStatus.APPROVED)
    if firm is not None:
        visible |= Q(firm=firm)
    if user is not None and user.is_authenticated:
        visible |= Q(cluster_id__in=list(moderated_cluster_ids(user=user)))
    return queryset.filter(visible)


def clusters_proposed(*, user: Any) -> QuerySet[Cluster]:
    """Proposals waiting for a decision: all for administrators, one's own firms' for others."""
    return clusters_visible_to(user=user).filter(status=ClusterStatus.PROPOSED).prefetch_related("sectors")


def _is_insider(*, user: Any, membership: ClusterMembership) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if is_moderator(user=user, cluster=membership.cluster_id):
        return True
    return FirmMember.objects.filter(user=user, firm_id=membership.firm_id).exists()


def membership_history(*, user: Any, membership: ClusterMembership) -> QuerySet[MembershipEvent]:
    """Every transition of a membership, for the firm's people, the cluster's moderators and administrators."""
    if not _is_insider(user=user, membership=membership):
        raise NotAllowed(_("Only the firm's people and the cluster's moderators may read this history."))
    return MembershipEvent.objects.filter(membership=membership).select_related("actor").order_by("at", "id")


@dataclass(frozen=True)
class MembershipInsight:
    """Which memberships a person reads in full (with the firm's message), computed once per request."""

    firm_ids: frozenset[int]
    cluster_ids: frozenset[int]
    everything: bool = False

    def sees_all_of(self, membership: ClusterMembership) -> bool:
        return self.everything or membership.firm_id in self.firm_ids or membership.cluster_id in self.cluster_ids


def membership_insight(*, user: Any) -> MembershipInsight:
    if user is None or not user.is_authenticated:
        return MembershipInsight(frozenset(), frozenset())
    if user.is_platform_admin:
        return MembershipInsight(frozenset(), frozenset(), everything=True)
    firm_ids = FirmMember.objects.filter(user=user).values_list("firm_id", flat=True)
    return MembershipInsight(frozenset(firm_ids), frozenset(moderated_cluster_ids(user=user)))
