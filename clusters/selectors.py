"""Reads for clusters: the directory, members, moderators' queues and who moderates what."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet, Value
from django.utils.translation import gettext as _

from clusters.models import (
    OPEN_STATUSES,
    Cluster,
    ClusterMembership,
    ClusterStatus,
    MembershipEvent,
    MembershipStatus,
    ModeratorInvitation,
    ModeratorInvitationStatus,
)
from platform_.errors import NotAllowed
from platform_.identity.models import Firm, FirmMember
from platform_.identity.selectors import taxonomy_links_sql
from platform_.request_memo import remembered


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
    return set(
        remembered(
            ("clusters.moderated_cluster_ids", user.pk),
            lambda: frozenset(Cluster.objects.filter(moderators=user).values_list("id", flat=True)),
        )
    )


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
    """Approved clusters, filtered, most active member firms first (the stored ``member_count``)."""
    queryset = Cluster.objects.filter(status=ClusterStatus.APPROVED)
    joined = False  # a filter across memberships or sectors may repeat a cluster
    if query:
        queryset = queryset.filter(
            Q(name_zh__icontains=query)
            | Q(name_en__icontains=query)
            | Q(theme__icontains=query)
            | Q(home_belt__icontains=query)
            | Q(description__icontains=query)
        )
    if sector:
        queryset, joined = queryset.filter(sectors__code=sector), True
    if province:
        queryset, joined = (
            queryset.filter(
                Q(home_province=province)
                | Q(memberships__status=MembershipStatus.ACTIVE, memberships__firm__province=province)
            ),
            True,
        )
    if capability:
        queryset, joined = (
            queryset.filter(
                memberships__status=MembershipStatus.ACTIVE, memberships__firm__capabilities__code=capability
            ),
            True,
        )
    if policy:
        queryset = queryset.filter(join_policy=policy)
    if joined:
        queryset = Cluster.objects.filter(id__in=queryset.values("id"))
    # The count is a column kept by a trigger (migration 0003): no count over memberships per request.
    return queryset.select_related("proposed_by").prefetch_related("sectors").order_by("-member_count", "id")


@functools.cache
def _sectors_sql() -> str:
    return taxonomy_links_sql(Cluster.sectors.through, "cluster", "sector")


def clusters_with_sectors(*, clusters: list[Cluster]) -> list[Cluster]:
    """Sets ``sector_rows`` on each cluster: its sectors as (code, name_zh, name_en), by code, in one query.

    For a page of the directory: cheaper than a prefetch, which builds a queryset per cluster.
    """
    rows: dict[int, list[tuple[str, str, str]]] = {cluster.pk: [] for cluster in clusters}
    if rows:
        with connection.cursor() as cursor:
            cursor.execute(_sectors_sql(), [list(rows)])
            for cluster_id, code, name_zh, name_en in cursor.fetchall():
                rows[cluster_id].append((code, name_zh, name_en))
    for cluster in clusters:
        cluster.sector_rows = sorted(rows[cluster.pk])  # type: ignore[attr-defined]  # Sector is ordered by code
    return clusters


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


def _moderated_by(user: Any) -> QuerySet[Any]:
    """The ids of the clusters a person moderates, as a subquery."""
    return Cluster.moderators.through.objects.filter(user=user).values("cluster_id")


def memberships_visible_to(*, user: Any, firm: Firm | None) -> QuerySet[ClusterMembership]:
    """Memberships one may read: active ones of approved clusters for everyone; one's own firm's
    in any status; every membership of the clusters one moderates; all for administrators. One
    statement: the moderated clusters are a subquery of it."""
    queryset = ClusterMembership.objects.select_related("cluster", "firm")
    if user is not None and user.is_authenticated and user.is_platform_admin:
        return queryset
    visible = Q(status=MembershipStatus.ACTIVE, cluster__status=ClusterStatus.APPROVED)
    if firm is not None:
        visible |= Q(firm=firm)
    if user is not None and user.is_authenticated:
        visible |= Q(cluster_id__in=_moderated_by(user))
    return queryset.filter(visible)


def memberships_readable(*, user: Any, firm: Firm | None) -> QuerySet[ClusterMembership]:
    """The memberships of ``memberships_visible_to``, each with ``reads_message``: whether one reads it in
    full, the firm's message included (as ``MembershipInsight.sees_all_of`` decides). One's firms and
    moderated clusters are subqueries of the same statement, not a query before it."""
    visible = memberships_visible_to(user=user, firm=firm)
    if user is None or not user.is_authenticated:
        return visible.annotate(reads_message=Value(False))
    if user.is_platform_admin:
        return visible.annotate(reads_message=Value(True))
    own_firms = FirmMember.objects.filter(user=user).values("firm_id")
    reads = Q(firm_id__in=own_firms) | Q(cluster_id__in=_moderated_by(user))
    return visible.annotate(reads_message=ExpressionWrapper(reads, output_field=BooleanField()))


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


@functools.cache
def _insight_sql() -> str:
    """A person's firms and moderated clusters, one UNION ALL query written once from the models' metadata."""
    qn = connection.ops.quote_name
    members, moderators = FirmMember._meta, Cluster.moderators.through._meta

    def column(meta: Any, name: str) -> str:
        return qn(str(meta.get_field(name).column))

    return (
        f"SELECT 'firm', {column(members, 'firm')} FROM {qn(members.db_table)}"  # noqa: S608
        f" WHERE {column(members, 'user')} = %s"
        f" UNION ALL SELECT 'cluster', {column(moderators, 'cluster')} FROM {qn(moderators.db_table)}"
        f" WHERE {column(moderators, 'user')} = %s"
    )


def membership_insight(*, user: Any) -> MembershipInsight:
    if user is None or not user.is_authenticated:
        return MembershipInsight(frozenset(), frozenset())
    if user.is_platform_admin:
        return MembershipInsight(frozenset(), frozenset(), everything=True)
    # One query: the person's firms and the clusters they moderate.
    firm_ids: set[int] = set()
    cluster_ids: set[int] = set()
    with connection.cursor() as cursor:
        cursor.execute(_insight_sql(), [user.pk, user.pk])
        for kind, pk in cursor.fetchall():
            (firm_ids if kind == "firm" else cluster_ids).add(pk)
    return MembershipInsight(frozenset(firm_ids), frozenset(cluster_ids))


def moderator_invitation_pending(*, user: Any, cluster: Cluster) -> ModeratorInvitation | None:
    """The person's unanswered invitation to moderate the cluster, if any."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return ModeratorInvitation.objects.filter(
        user=user, cluster=cluster, status=ModeratorInvitationStatus.PENDING
    ).first()


def cluster_room_allowed(*, user: Any, cluster_id: int) -> bool:
    """Who may enter a cluster's room: active member firms' people, its moderators and platform administrators."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_platform_admin:
        return Cluster.objects.filter(pk=cluster_id).exists()
    if Cluster.objects.filter(pk=cluster_id, moderators=user).exists():
        return True
    return ClusterMembership.objects.filter(
        cluster_id=cluster_id,
        cluster__status=ClusterStatus.APPROVED,
        status=MembershipStatus.ACTIVE,
        firm__members__user=user,
    ).exists()


def cluster_room_ids(*, user: Any) -> list[int]:
    """The clusters whose rooms a person may enter, by id (as ``cluster_room_allowed`` decides)."""
    if user is None or not user.is_authenticated:
        return []
    if user.is_platform_admin:
        return list(Cluster.objects.filter(status=ClusterStatus.APPROVED).values_list("id", flat=True))
    active = ClusterMembership.objects.filter(
        status=MembershipStatus.ACTIVE, firm__members__user=user, cluster__status=ClusterStatus.APPROVED
    ).values_list("cluster_id", flat=True)
    moderated = Cluster.objects.filter(moderators=user).values_list("id", flat=True)
    return sorted(set(active) | set(moderated))


def cluster_names(*, ids: list[int]) -> dict[int, str]:
    """Names of many clusters in one query."""
    return {cluster.pk: cluster.name for cluster in Cluster.objects.filter(pk__in=ids).only("id", "name_zh", "name_en")}


def cluster_moderation_queue(*, cluster: Cluster) -> tuple[list[ClusterMembership], list[ClusterMembership]]:
    """A moderator's open rows of the cluster, oldest first: (applications, invitations), in one query."""
    rows = (
        ClusterMembership.objects.filter(
            cluster=cluster, status__in=[MembershipStatus.APPLIED, MembershipStatus.INVITED]
        )
        .select_related("firm")
        .order_by("created_at", "id")
    )
    applications: list[ClusterMembership] = []
    invited: list[ClusterMembership] = []
    for row in rows:
        (applications if row.status == MembershipStatus.APPLIED else invited).append(row)
    return applications, invited


def cluster_history(*, cluster: Cluster, limit: int = 100) -> QuerySet[MembershipEvent]:
    """The latest membership transitions of a cluster, newest first (its moderators' page)."""
    return (
        MembershipEvent.objects.filter(membership__cluster=cluster)
        .select_related("membership__firm", "actor")
        .order_by("-at", "-id")[:limit]
    )


def firms_invitable(*, cluster: Cluster) -> QuerySet[Firm]:
    """Active firms without an open membership of the cluster: whom its moderators may invite."""
    taken = ClusterMembership.objects.filter(cluster=cluster, status__in=OPEN_STATUSES).values("firm_id")
    return Firm.objects.filter(is_active=True).exclude(id__in=taken).order_by("name_zh", "name_en", "id")
