"""The reuse ledger: how much credit each asset, firm and person earns from other firms' real reuse.

Only citations, derivations and licences count (views and downloads do not), over a window of time.
Three rules stop a firm from inflating its record:

- **Own use counts nothing.** A use by any firm that (co-)owns the asset is left out entirely.
- **Repetition saturates.** The credit one firm gives another is capped (``pair_cap``), so breadth
  of reuse (many firms) weighs more than one firm using again and again.
- **A closed ring is capped.** Firms form a *ring* when they are a strongly connected component of the
  directed reuse graph (firm U → firm F when U reused an asset of F), at least two of them, and at
  least ``ring_share`` of their members' whole reuse stays inside the component: they mostly (or only)
  use each other. The credit a member receives from the other members together is capped at
  ``ring_cap``; reuse from firms outside the ring counts in full.

Each reuse is weighted by its kind and, when the spillover model has a current run, by the model's
flow from the owner to the user (``1 + flow_bonus × flow / largest flow``): reuse that carries
knowledge where the model sees it flowing weighs more.
"""

from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import numpy as np
from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.utils import timezone
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from knowledge.models import AssetOwnership, AssetStatus, UseEvent, UseKind
from spillover.models import FlowEdge, Run


@dataclass(frozen=True)
class Rules:
    """The settings of reputation (``settings.REPUTATION`` overrides any of them by name)."""

    window_days: int = 730
    kind_weights: dict[str, float] = field(
        default_factory=lambda: {UseKind.CITATION: 1.0, UseKind.DERIVATION: 2.0, UseKind.LICENCE: 2.0}
    )
    pair_cap: float = 10.0
    ring_share: float = 0.8
    ring_cap: float = 2.0
    flow_bonus: float = 1.0
    asset_weight: float = 0.5
    asset_cap: int = 20
    entry_weight: float = 1.0
    win_weight: float = 5.0
    judging_weight: float = 1.0
    partner_weight: float = 0.2


def rules() -> Rules:
    return Rules(**getattr(settings, "REPUTATION", {}))


@dataclass
class Ledger:
    asset_credit: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    firm_credit: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    firm_users: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    firm_kinds: dict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    asset_users: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    asset_kinds: dict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    own_uses: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    asset_own_uses: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    # ring members: (credit received from the ring before the cap, after it)
    ring_credit: dict[int, tuple[float, float]] = field(default_factory=dict)
    rings: list[frozenset[int]] = field(default_factory=list)
    flow_weighted: bool = False


def _flows(owners: set[int], users: set[int]) -> dict[tuple[int, int], float]:
    run = Run.objects.filter(is_current=True).only("pk").first()
    if run is None or not owners or not users:
        return {}
    return {
        (absorber, source): value
        for source, absorber, value in FlowEdge.objects.filter(
            run=run, source_id__in=owners, absorber_id__in=users
        ).values_list("source_id", "absorber_id", "value")
        if value > 0
    }


def _rings(pairs: dict[tuple[int, int], float], share: float) -> list[frozenset[int]]:
    """Strongly connected components of two firms or more whose reuse stays mostly inside."""
    firms = sorted({firm for pair in pairs for firm in pair})
    if len(firms) < 2:
        return []
    index = {firm: i for i, firm in enumerate(firms)}
    rows = [index[u] for u, _f in pairs]
    cols = [index[f] for _u, f in pairs]
    graph = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(firms), len(firms)))
    _count, labels = connected_components(graph, directed=True, connection="strong")
    members: dict[int, set[int]] = defaultdict(set)
    for firm, label in zip(firms, labels, strict=True):
        members[int(label)].add(firm)
    outgoing: dict[int, float] = defaultdict(float)
    for (user, _owner), weight in pairs.items():
        outgoing[user] += weight
    rings = []
    for group in members.values():
        if len(group) < 2:
            continue
        inside = sum(weight for (user, owner), weight in pairs.items() if user in group and owner in group)
        total = sum(outgoing[firm] for firm in group)
        if total > 0 and inside >= share * total:
            rings.append(frozenset(group))
    return rings


def ledger_build(*, now: Any = None) -> Ledger:
    """The ledger over the window, for every firm at once (rings are a property of the whole graph)."""
    rule = rules()
    since = (now or timezone.now()) - timedelta(days=rule.window_days)
    rows = list(
        UseEvent.objects.filter(kind__in=list(rule.kind_weights), occurred_at__gte=since)
        .exclude(asset__status=AssetStatus.TAKEN_DOWN)
        .values_list("firm_id", "asset_id", "kind")
        .annotate(n=Count("id"))
    )
    owners: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for asset_id, firm_id, share in AssetOwnership.objects.filter(
        asset_id__in={asset_id for _u, asset_id, _k, _n in rows}
    ).values_list("asset_id", "firm_id", "share"):
        owners[asset_id].append((firm_id, float(share)))

    ledger = Ledger()
    items: list[tuple[int, int, int, float]] = []  # (user firm, owner firm, asset, weight)
    for user, asset_id, kind, n in rows:
        owned = owners.get(asset_id, [])
        if any(owner == user for owner, _share in owned):
            ledger.asset_own_uses[asset_id] += n
            for owner, _share in owned:
                ledger.own_uses[owner] += n
            continue
        ledger.asset_users[asset_id].add(user)
        ledger.asset_kinds[asset_id][kind] += n
        for owner, owned_share in owned:
            ledger.firm_users[owner].add(user)
            ledger.firm_kinds[owner][kind] += n
            items.append((user, owner, asset_id, rule.kind_weights[kind] * n * owned_share))

    flows = _flows({owner for _u, owner, _a, _w in items}, {user for user, _o, _a, _w in items})
    ledger.flow_weighted = bool(flows)
    largest = max(flows.values(), default=0.0)
    weighted = [
        (
            user,
            owner,
            asset_id,
            weight * (1 + rule.flow_bonus * flows.get((user, owner), 0.0) / largest if largest else 1),
        )
        for user, owner, asset_id, weight in items
    ]
    pairs: dict[tuple[int, int], float] = defaultdict(float)
    for user, owner, _asset_id, weight in weighted:
        pairs[(user, owner)] += weight
    pair_factor = {pair: min(1.0, rule.pair_cap / total) for pair, total in pairs.items() if total > 0}

    ledger.rings = _rings(pairs, rule.ring_share)
    ring_of = {firm: ring for ring in ledger.rings for firm in ring}
    from_ring: dict[int, float] = defaultdict(float)
    for (user, owner), total in pairs.items():
        if owner in ring_of and user in ring_of[owner]:
            from_ring[owner] += total * pair_factor[(user, owner)]
    ring_factor = {owner: min(1.0, rule.ring_cap / total) for owner, total in from_ring.items() if total > 0}
    for owner, total in from_ring.items():
        ledger.ring_credit[owner] = (round(total, 3), round(total * ring_factor[owner], 3))

    for user, owner, asset_id, weight in weighted:
        credit = weight * pair_factor[(user, owner)]
        if owner in ring_of and user in ring_of[owner]:
            credit *= ring_factor[owner]
        ledger.asset_credit[asset_id] += credit
        ledger.firm_credit[owner] += credit
    return ledger


# The ledger as last built in this process, and what it was built from. Every firm's and person's page
# reads it, and building it reads the whole window of reuse (about 3 s at 10,000 firms and 400,000 uses).
LEDGER_SECONDS = 300
_held: dict[str, tuple[float, tuple[Any, ...], Ledger]] = {}
_building = threading.Lock()


def _record_fingerprint() -> tuple[Any, ...]:
    """What the ledger reads, summed up in one cheap query: a new use of a kind it counts (not a view), a
    change of owners, a take-down or a new spillover run changes it (``ledger_current`` then builds afresh)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT (SELECT max(id) FROM knowledge_useevent WHERE kind = ANY(%s)),
                   (SELECT max(id) FROM knowledge_assetownership),
                   (SELECT count(*) FROM knowledge_assetownership),
                   (SELECT count(*) FROM knowledge_asset WHERE status = %s),
                   (SELECT max(id) FROM spillover_run WHERE is_current)
            """,
            [list(rules().kind_weights), AssetStatus.TAKEN_DOWN],
        )
        row = cursor.fetchone()
    return (*row, repr(rules()), timezone.localdate())


def ledger_current() -> Ledger:
    """The ledger of now, built again only when the record it reads has changed (or after ``LEDGER_SECONDS``,
    as the window moves on); the same ledger ``ledger_build`` makes, shared by the requests of a process."""
    key = _record_fingerprint()
    held = _held.get("ledger")
    if held is not None and held[1] == key and time.monotonic() - held[0] < LEDGER_SECONDS:
        return held[2]
    with _building:  # one build at a time; a request that waited finds it built
        held = _held.get("ledger")
        if held is not None and held[1] == key and time.monotonic() - held[0] < LEDGER_SECONDS:
            return held[2]
        ledger = ledger_build()
        _held["ledger"] = (time.monotonic(), key, ledger)
        return ledger
