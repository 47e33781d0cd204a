"""Partner matching: firms whose capabilities cover a firm's needs, ranked, each with its reasons.

A need that few firms can meet weighs more (inverse document frequency), so a rare
capability matters more than a common one. Mutual fit (the partner needs what the firm
can do) adds to the score; sharing a cluster is shown, not scored, so that firms outside
one's clusters are found as readily as those inside. Higher layers add signals of their own
(``partner_signal_register``: reputation's track record), each with a weight and a reason shown.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count

from clusters.models import ClusterMembership, MembershipStatus
from platform_.identity.models import Capability, Firm

MUTUAL_WEIGHT = 0.3


@dataclass
class Suggestion:
    firm: Firm
    score: float
    coverage: float
    covered: list[Capability]
    mutual: list[Capability]
    shared_clusters: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def inside(self) -> bool:
        return bool(self.shared_clusters)


@dataclass(frozen=True)
class PartnerSignal:
    """A signal a higher layer adds to the ranking: ``weigh(firm, candidate ids)`` gives each candidate
    a value in [0, 1] and the reason to show; the score gains ``weight`` times the value."""

    name: str
    weigh: Callable[[Firm, list[int]], dict[int, tuple[float, str]]]
    weight: Callable[[], float]


_signals: dict[str, PartnerSignal] = {}


def partner_signal_register(signal: PartnerSignal) -> None:
    """Register (or replace, by name) a signal; called from the owning layer's AppConfig.ready()."""
    _signals[signal.name] = signal


def capability_weights(capability_ids: set[int]) -> dict[int, float]:
    """IDF weight of each capability: log(1 + active firms / active firms that have it)."""
    total = Firm.objects.filter(is_active=True).count() or 1
    through = Firm.capabilities.through
    counts = {
        row["capability_id"]: row["holders"]
        for row in through.objects.filter(capability_id__in=capability_ids, firm__is_active=True)
        .values("capability_id")
        .annotate(holders=Count("firm_id"))
    }
    return {cid: math.log(1 + total / (counts.get(cid, 0) or 1)) for cid in capability_ids}


def partners_suggest(*, firm: Firm, limit: int = 20) -> list[Suggestion]:
    """Rank other active firms by how well their capabilities cover this firm's needs."""
    needs = set(firm.needs.values_list("id", flat=True))
    if not needs:
        return []
    offers = set(firm.capabilities.values_list("id", flat=True))
    weights = capability_weights(needs | offers)
    need_total = sum(weights[cid] for cid in needs)

    cap_through = Firm.capabilities.through
    covered: dict[int, set[int]] = defaultdict(set)
    for firm_id, cap_id in (
        cap_through.objects.filter(capability_id__in=needs, firm__is_active=True)
        .exclude(firm_id=firm.pk)
        .values_list("firm_id", "capability_id")
    ):
        covered[firm_id].add(cap_id)
    if not covered:
        return []

    mutual: dict[int, set[int]] = defaultdict(set)
    if offers:
        need_through = Firm.needs.through
        for firm_id, cap_id in need_through.objects.filter(
            capability_id__in=offers, firm_id__in=list(covered)
        ).values_list("firm_id", "capability_id"):
            mutual[firm_id].add(cap_id)
    offer_total = sum(weights[cid] for cid in offers) or 1.0

    signalled: dict[int, list[tuple[float, str]]] = defaultdict(list)
    for signal in _signals.values():
        weight = signal.weight()
        for firm_id, (value, reason) in signal.weigh(firm, list(covered)).items():
            signalled[firm_id].append((weight * max(0.0, min(1.0, value)), reason))

    scored = []
    for firm_id, caps in covered.items():
        coverage = sum(weights[cid] for cid in caps) / need_total
        mutual_share = sum(weights[cid] for cid in mutual.get(firm_id, ())) / offer_total
        extra = sum(bonus for bonus, _reason in signalled.get(firm_id, ()))
        scored.append((coverage + MUTUAL_WEIGHT * mutual_share + extra, coverage, firm_id))
    scored.sort(key=lambda row: (-row[0], row[2]))
    top = scored[:limit]

    top_ids = [firm_id for _score, _coverage, firm_id in top]
    firms = Firm.objects.in_bulk(top_ids)
    capabilities = Capability.objects.in_bulk(needs | offers)
    my_clusters = set(
        ClusterMembership.objects.filter(firm=firm, status=MembershipStatus.ACTIVE).values_list("cluster_id", flat=True)
    )
    shared: dict[int, list[str]] = defaultdict(list)
    for membership in ClusterMembership.objects.filter(
        firm_id__in=top_ids, cluster_id__in=my_clusters, status=MembershipStatus.ACTIVE
    ).select_related("cluster"):
        shared[membership.firm_id].append(membership.cluster.name)

    return [
        Suggestion(
            firm=firms[firm_id],
            score=round(score, 4),
            coverage=round(coverage, 4),
            covered=sorted((capabilities[cid] for cid in covered[firm_id]), key=lambda c: c.code),
            mutual=sorted((capabilities[cid] for cid in mutual.get(firm_id, ())), key=lambda c: c.code),
            shared_clusters=sorted(shared.get(firm_id, [])),
            reasons=[reason for _bonus, reason in signalled.get(firm_id, ()) if reason],
        )
        for score, coverage, firm_id in top
    ]
