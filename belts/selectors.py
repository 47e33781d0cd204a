"""Reads of belts: which firms a belt suggests, who confirmed, which clusters reach in, its public figures.

Only confirmed members count anywhere; a suggestion is computed from the firm's region and sectors
and is never stored, so a firm that registers later is suggested too.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from belts.models import Belt, BeltMember, BeltMemberStatus
from clusters.models import Cluster, ClusterMembership, ClusterStatus, MembershipStatus
from observatory.models import OpenStatistics
from observatory.selectors import open_statistics_current
from platform_.errors import NotFound
from platform_.identity.models import Firm


def belt_get(*, belt_id: int) -> Belt:
    belt = Belt.objects.filter(pk=belt_id).prefetch_related("sectors").first()
    if belt is None:
        raise NotFound(_("Not found."))
    return belt


def belts_all() -> QuerySet[Belt]:
    return Belt.objects.prefetch_related("sectors")


def belt_region_q(belt: Belt, prefix: str = "") -> Q:
    """Firms (through ``prefix``) located in the belt's region and working in one of its sectors."""
    q = Q(**{f"{prefix}province": belt.province}, **{f"{prefix}sectors__in": belt.sectors.all()})
    if belt.city.strip():
        q &= Q(**{f"{prefix}city": belt.city.strip()})
    return q


def belt_matches(*, belt: Belt, firm: Firm) -> bool:
    """Is the firm located in the belt's region and in one of its sectors (may it be a member)?"""
    return Firm.objects.filter(belt_region_q(belt), pk=firm.pk).exists()


def firms_suggested(*, belt: Belt) -> QuerySet[Firm]:
    """Active firms of the belt's region and sectors that have not answered yet."""
    answered = BeltMember.objects.filter(belt=belt).values("firm_id")
    return Firm.objects.filter(belt_region_q(belt), is_active=True).exclude(pk__in=answered).distinct()


def belt_members(*, belt: Belt) -> QuerySet[Firm]:
    """The confirmed members: the only firms that count for the belt."""
    confirmed = BeltMember.objects.filter(belt=belt, status=BeltMemberStatus.CONFIRMED).values("firm_id")
    return Firm.objects.filter(pk__in=confirmed, is_active=True)


def belts_for_firm(*, firm: Firm) -> list[tuple[Belt, str | None]]:
    """Belts whose region and sectors match the firm, or that it confirmed, with its answer (None: suggested)."""
    answers = dict(BeltMember.objects.filter(firm=firm).values_list("belt_id", "status"))
    matching = Belt.objects.filter(province=firm.province, sectors__in=firm.sectors.all()).filter(
        Q(city="") | Q(city=firm.city.strip())
    )
    belts = Belt.objects.filter(Q(pk__in=matching.values("pk")) | Q(pk__in=list(answers))).prefetch_related("sectors")
    return [(belt, answers.get(belt.pk)) for belt in belts.distinct()]


def belts_of_cluster(*, cluster: Cluster) -> QuerySet[Belt]:
    """The belts the cluster's active members come from (confirmed belt members only)."""
    members = ClusterMembership.objects.filter(cluster=cluster, status=MembershipStatus.ACTIVE).values("firm_id")
    confirmed = BeltMember.objects.filter(
        status=BeltMemberStatus.CONFIRMED, firm_id__in=members, firm__is_active=True
    ).values("belt_id")
    return Belt.objects.filter(pk__in=confirmed)


def clusters_of_belt(*, belt: Belt) -> QuerySet[Cluster]:
    """Approved clusters with at least one active member that is a confirmed member of the belt."""
    firms = belt_members(belt=belt).values("pk")
    reaching = ClusterMembership.objects.filter(status=MembershipStatus.ACTIVE, firm_id__in=firms).values("cluster_id")
    return Cluster.objects.filter(status=ClusterStatus.APPROVED, pk__in=reaching)


def _published_belts(stats: OpenStatistics | None) -> dict[str, Any]:
    return stats.data.get("belts", {}) if stats is not None else {}


def belt_public_figures(*, belt_id: int, stats: OpenStatistics | None = None) -> dict[str, Any] | None:
    """The belt's disclosure-controlled figures from the current open statistics (None before a refresh
    or for a belt made since the last one); ``stats`` when the caller has read them already."""
    return _published_belts(stats or open_statistics_current()).get(str(belt_id))


def belts_for_agency(*, agency: Any) -> list[tuple[Belt, dict[str, Any] | None]]:
    """Belts whose region the agency covers or with confirmed members in its jurisdiction, with their
    public figures (an agency sees the same disclosure-controlled aggregates as everyone)."""
    from agencies.selectors import jurisdiction_covers, jurisdiction_q

    with_members = set(
        BeltMember.objects.filter(status=BeltMemberStatus.CONFIRMED)
        .filter(jurisdiction_q(agency, "firm__"))
        .values_list("belt_id", flat=True)
    )
    belts = [
        belt
        for belt in belts_all()
        if belt.pk in with_members or jurisdiction_covers(agency=agency, province=belt.province, city=belt.city)
    ]
    published = _published_belts(open_statistics_current())
    return [(belt, published.get(str(belt.pk))) for belt in belts]
