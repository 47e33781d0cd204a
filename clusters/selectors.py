"""Reads for clusters: the directory, members, moderators' queues and who moderates what."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from clusters.models import Cluster, ClusterMembership, ClusterStatus, MembershipStatus
from platform_.identity.models import Firm


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
            Q(name_zh__icontains=query) | Q(name_en__icontains=query) | Q(theme__icontains=query)
            | Q(home_belt__icontains=query) | Q(description__icontains=query)
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
    return (
        Cluster.objects.filter(id__in=ids)
        .annotate(member_count=Count("memberships", filter=Q(memberships__status=MembershipStatus.ACTIVE)))
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
