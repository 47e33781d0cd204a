"""Reads of agencies, always within the asking agency's jurisdiction and as aggregates only."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency, AgencyStatus, ClusterActivity, Endorsement, Guidance, GuidanceAttachment
from clusters.models import Cluster, ClusterMembership, ClusterStatus, MembershipStatus
from knowledge.models import AssetStatus
from platform_.compliance.models import Purpose
from platform_.compliance.selectors import people_consenting
from platform_.errors import NotFound
from platform_.identity.models import Firm, FirmMember, FirmRole

ACTIVITY_DAYS = 365  # "use events in 12 months"


def min_firms() -> int:
    return max(1, int(getattr(settings, "OPEN_STATISTICS_MIN_FIRMS", 3)))


def agencies_of(*, user: Any) -> QuerySet[Agency]:
    if user is None or not user.is_authenticated:
        return Agency.objects.none()
    return Agency.objects.filter(members__user=user).prefetch_related("regions").distinct()


def agency_for(*, user: Any, agency_id: int, verified: bool = True) -> Agency:
    """The agency, if the person belongs to it (and it is verified, unless ``verified`` is False)."""
    agency = agencies_of(user=user).filter(pk=agency_id).first()
    if agency is None or (verified and agency.status != AgencyStatus.VERIFIED):
        raise NotFound(_("Not found."))
    return agency


def agencies_pending() -> QuerySet[Agency]:
    return Agency.objects.filter(status=AgencyStatus.PENDING).prefetch_related("regions").order_by("created_at")


def jurisdiction_q(agency: Agency, prefix: str = "") -> Q:
    """Firms (through ``prefix``) located in the agency's jurisdiction."""
    if agency.national:
        return Q()
    q = Q(pk__in=[])
    for region in agency.regions.all():
        part = Q(**{f"{prefix}province": region.province})
        if region.city:
            part &= Q(**{f"{prefix}city": region.city})
        q |= part
    return q


def jurisdiction_covers(*, agency: Agency, province: str, city: str = "") -> bool:
    """Does the jurisdiction hold the whole region (a province, or a city or county in it)?

    A province-wide region covers the province and every city in it; a city region covers only
    that city (so not the province as a whole); a national agency covers everything.
    """
    if agency.national:
        return True
    city = city.strip()
    for region in agency.regions.all():
        if region.province == province and (not region.city or (city and region.city.strip() == city)):
            return True
    return False


def firms_in_jurisdiction(agency: Agency) -> QuerySet[Firm]:
    return Firm.objects.filter(jurisdiction_q(agency), is_active=True)


def whole_provinces(agency: Agency) -> set[str]:
    """Provinces the agency covers whole (a city or county region covers only part of its province)."""
    if agency.national:
        from platform_.identity.regions import Province

        return set(Province.values)
    return {region.province for region in agency.regions.all() if not region.city}


def clusters_in_jurisdiction(agency: Agency) -> QuerySet[Cluster]:
    """Approved clusters with at least one active member firm in the jurisdiction."""
    members = ClusterMembership.objects.filter(status=MembershipStatus.ACTIVE).filter(jurisdiction_q(agency, "firm__"))
    return Cluster.objects.filter(status=ClusterStatus.APPROVED, pk__in=members.values("cluster_id"))


def cluster_in_jurisdiction(*, agency: Agency, cluster_id: int) -> Cluster:
    cluster = clusters_in_jurisdiction(agency).filter(pk=cluster_id).first()
    if cluster is None:
        raise NotFound(_("Not found."))
    return cluster


def clusters_proposed_for(agency: Agency) -> QuerySet[Cluster]:
    """Proposed clusters whose home province the agency covers whole: it may approve or reject them."""
    return Cluster.objects.filter(status=ClusterStatus.PROPOSED, home_province__in=whole_provinces(agency))


def proposed_with_contacts(agency: Agency) -> list[dict[str, Any]]:
    """Proposed clusters with the proposing person as contact, only if they consented to agencies (PIPL art. 23)."""
    clusters = list(clusters_proposed_for(agency).select_related("proposer"))
    shown = people_consenting(user_ids=[c.proposer_id for c in clusters], purposes=[Purpose.AGENCIES])
    return [
        {"cluster": c, "contact": c.proposer if c.proposer is not None and c.proposer.pk in shown else None}
        for c in clusters
    ]


def cluster_figures(*, agency: Agency, cluster_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """Aggregate figures of each cluster in the jurisdiction (of those of ``cluster_ids``, a page of them,
    when given); a figure over fewer than k firms is None.

    Never a firm's name, asset, entry, score or firm-level spillover figure.
    """
    k = min_firms()
    chosen = clusters_in_jurisdiction(agency)
    if cluster_ids is not None:
        chosen = chosen.filter(pk__in=cluster_ids)
    clusters = list(
        chosen.annotate(
            local=Count(
                "memberships",
                filter=Q(memberships__status=MembershipStatus.ACTIVE) & jurisdiction_q(agency, "memberships__firm__"),
            )
        )
    )
    ids = [c.pk for c in clusters]
    members: dict[int, set[int]] = {}
    for cluster_id, firm_id in ClusterMembership.objects.filter(
        cluster_id__in=ids, status=MembershipStatus.ACTIVE
    ).values_list("cluster_id", "firm_id"):
        members.setdefault(cluster_id, set()).add(firm_id)
    since = timezone.now() - timedelta(days=ACTIVITY_DAYS)
    endorsed = set(
        Endorsement.objects.filter(agency=agency, revoked_at__isnull=True, cluster_id__in=ids).values_list(
            "cluster_id", flat=True
        )
    )
    from spillover.models import ClusterScore, Run

    run = Run.objects.filter(is_current=True).first()
    csi = dict(ClusterScore.objects.filter(run=run, cluster_id__in=ids).values_list("cluster_id", "csi")) if run else {}
    # The activity stored by the hourly refresh; counted here only for clusters it has not seen yet.
    stored = {a.cluster_id: a for a in ClusterActivity.objects.filter(cluster_id__in=ids)}
    missing = [cid for cid in ids if cid not in stored]
    assets_of, uses_of = activity_counts(cluster_ids=missing, since=since) if missing else ({}, {})
    for cid, activity in stored.items():
        assets_of[cid], uses_of[cid] = activity.assets, activity.uses_12m
    activity_as_of = min((a.as_of for a in stored.values()), default=None)
    rows = []
    for cluster in clusters:
        firms = members.get(cluster.pk, set())
        enough = len(firms) >= k
        assets = assets_of.get(cluster.pk, 0) if enough else None
        uses = uses_of.get(cluster.pk, 0) if enough else None
        rows.append(
            {
                "cluster": cluster,
                "members": len(firms),
                "members_here": cluster.local if cluster.local == 0 or cluster.local >= k else None,
                "assets": assets,
                "uses_12m": uses,
                "csi": csi.get(cluster.pk) if enough else None,
                # the spillover index is a figure of the last full spillover run (folding in uses leaves it)
                "csi_as_of": run.as_of if run else None,
                "endorsed": cluster.pk in endorsed,
                # assets and use as stored by the last hourly refresh (None: counted for this page)
                "activity_as_of": stored[cluster.pk].as_of if cluster.pk in stored else None,
            }
        )
    if rows:
        rows[0]["activity_oldest"] = activity_as_of
    return rows


def activity_counts(*, cluster_ids: list[int] | None, since: datetime) -> tuple[dict[int, int], dict[int, int]]:
    """(published assets, use events since ``since``) of the active member firms of each cluster (of
    ``cluster_ids``, or of every cluster), one grouped query each (not two queries per cluster)."""
    active = ClusterMembership.objects.filter(status=MembershipStatus.ACTIVE).values("cluster_id")
    if cluster_ids is not None:
        active = active.filter(cluster_id__in=cluster_ids)
    assets_of = dict(
        active.filter(firm__asset_ownerships__asset__status=AssetStatus.PUBLISHED)
        .annotate(n=Count("firm__asset_ownerships__asset", distinct=True))
        .values_list("cluster_id", "n")
    )
    uses_of = dict(
        active.filter(firm__asset_uses__occurred_at__gte=since)
        .annotate(n=Count("firm__asset_uses"))
        .values_list("cluster_id", "n")
    )
    return assets_of, uses_of


def guidance_of(*, agency: Agency) -> QuerySet[Guidance]:
    return Guidance.objects.filter(agency=agency).prefetch_related("sectors", "attachments")


def _active(today: date) -> Q:
    return Q(valid_from__lte=today) & (Q(valid_until__isnull=True) | Q(valid_until__gte=today))


def guidance_covers(guidance: Guidance, firm: Firm) -> bool:
    """Does the guidance reach this firm: inside the agency's jurisdiction, its provinces and its sectors?"""
    agency = guidance.agency
    if not firms_in_jurisdiction(agency).filter(pk=firm.pk).exists():
        return False
    if guidance.provinces and firm.province not in guidance.provinces:
        return False
    sectors = {s.pk for s in guidance.sectors.all()}
    return not sectors or bool(sectors & set(firm.sectors.values_list("pk", flat=True)))


def guidance_for_firm(*, firm: Firm | None, today: date | None = None) -> list[Guidance]:
    """Active guidance of verified agencies that reaches the firm."""
    if firm is None:
        return []
    today = today or timezone.localdate()
    candidates = (
        Guidance.objects.filter(_active(today), agency__status=AgencyStatus.VERIFIED)
        .select_related("agency")
        .prefetch_related("sectors", "agency__regions")
    )
    return [g for g in candidates if guidance_covers(g, firm)]


def guidance_for_cluster(*, cluster: Any, today: date | None = None) -> list[Guidance]:
    """Active guidance of verified agencies that reaches at least one active member firm of the cluster."""
    member_ids = set(
        ClusterMembership.objects.filter(cluster=cluster, status=MembershipStatus.ACTIVE).values_list(
            "firm_id", flat=True
        )
    )
    if not member_ids:
        return []
    today = today or timezone.localdate()
    candidates = Guidance.objects.filter(_active(today), agency__status=AgencyStatus.VERIFIED).select_related("agency")
    return [g for g in candidates if firms_reached(g).filter(pk__in=member_ids).exists()]


def endorsing_agencies(*, cluster: Any) -> list[Agency]:
    """The verified agencies that endorse the cluster now (a public badge)."""
    return list(
        Agency.objects.filter(
            status=AgencyStatus.VERIFIED, endorsements__cluster=cluster, endorsements__revoked_at__isnull=True
        ).distinct()
    )


def firms_reached(guidance: Guidance) -> QuerySet[Firm]:
    """The firms a guidance reaches (used to notify them)."""
    firms = firms_in_jurisdiction(guidance.agency)
    if guidance.provinces:
        firms = firms.filter(province__in=guidance.provinces)
    sectors = list(guidance.sectors.values_list("pk", flat=True))
    if sectors:
        firms = firms.filter(sectors__in=sectors)
    return firms.distinct()


def managers_of(firms: QuerySet[Firm]) -> list[Any]:
    rows = FirmMember.objects.filter(firm__in=firms, role__in=[FirmRole.OWNER, FirmRole.ADMIN]).select_related("user")
    return [row.user for row in rows]


def attachment_for(*, user: Any, firm: Firm | None, attachment_id: int) -> GuidanceAttachment:
    """An attachment, if its guidance reaches the acting firm or the person belongs to the publishing agency.

    Anyone else learns nothing: NotFound, as for an attachment that does not exist.
    """
    attachment = (
        GuidanceAttachment.objects.select_related("guidance__agency").filter(pk=attachment_id).first()
        if user is not None and user.is_authenticated
        else None
    )
    if attachment is None:
        raise NotFound(_("Not found."))
    guidance = attachment.guidance
    if agencies_of(user=user).filter(pk=guidance.agency_id).exists():
        return attachment
    if any(g.pk == guidance.pk for g in guidance_for_firm(firm=firm)):
        return attachment
    raise NotFound(_("Not found."))


def verified_agencies() -> QuerySet[Agency]:
    """Verified agencies, for the public API: kind, regions and the number of active endorsements, never people."""
    return (
        Agency.objects.filter(status=AgencyStatus.VERIFIED)
        .prefetch_related("regions")
        .annotate(endorsement_count=Count("endorsements", filter=Q(endorsements__revoked_at__isnull=True)))
        .order_by("id")
    )


def endorsements_active(*, agency: Agency) -> QuerySet[Endorsement]:
    return Endorsement.objects.filter(agency=agency, revoked_at__isnull=True).select_related("cluster")
