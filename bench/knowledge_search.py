"""Benchmark of knowledge search: p50/p95 of ``asset_search`` over 100k mixed Chinese/English assets,
against a plain ``icontains`` query on the same data.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vc_knowledge REDIS_URL=redis://127.0.0.1:6379/4 \\
        .venv/bin/python -m bench.knowledge_search [--assets 100000] [--runs 15] [--fresh] [--crosslingual]

The data (firms ``BENCHK…``, their clusters and assets) are generated once into the database named by
DATABASE_URL and reused by later runs; ``--fresh`` deletes and regenerates them.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_.settings.dev")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from clusters.models import Cluster, ClusterMembership, ClusterStatus  # noqa: E402
from knowledge.demo import generate_assets  # noqa: E402
from knowledge.models import Asset, AssetOwnership  # noqa: E402
from knowledge.selectors import (  # noqa: E402
    asset_search,
    asset_search_icontains,
    assets_visible_to,
    search_query,
)
from platform_.identity.models import Firm, FirmMember, Sector, User  # noqa: E402

PREFIX = "BENCHK"
FIRMS = 500
CLUSTERS = 20
QUERIES = [
    "纺织",
    "织机",
    "节能改造",
    "锂电池",
    "质量检测",
    "焊接机器人",
    "数据",
    "专利",
    "供应链",
    "企业",
    "bearings",
    "welding robots",
    "calibrate",
    "energy analysis",
    "maintenance manual",
    "solar",
    "drawings",
    "export",
    "lean production",
    "monitoring",
]


def _bench_firms() -> list[int]:
    return list(Firm.objects.filter(credit_code__startswith=PREFIX).order_by("pk").values_list("pk", flat=True))


def _setup_firms() -> tuple[list[int], dict[int, list[int]], User]:
    user, _ = User.objects.get_or_create(email="bench-knowledge@bench.vc")
    firm_ids = _bench_firms()
    if not firm_ids:
        sector = Sector.objects.order_by("pk").first()
        firms = Firm.objects.bulk_create(
            Firm(
                name_zh=f"基准企业{n}",
                name_en=f"Bench firm {n}",
                credit_code=f"{PREFIX}{n:012d}",
                province="33",
                city="杭州",
            )
            for n in range(FIRMS)
        )
        if sector is not None:
            Firm.sectors.through.objects.bulk_create(
                Firm.sectors.through(firm_id=f.pk, sector_id=sector.pk) for f in firms
            )
        firm_ids = [f.pk for f in firms]
        clusters = Cluster.objects.bulk_create(
            Cluster(
                name_zh=f"基准集群{n}",
                slug=f"bench-knowledge-{n}",
                theme="bench",
                status=ClusterStatus.APPROVED,
                proposed_by_id=firm_ids[0],
            )
            for n in range(CLUSTERS)
        )
        rng = random.Random(7)
        ClusterMembership.objects.bulk_create(
            ClusterMembership(cluster=cluster, firm_id=firm_id, status="active", joined_at=timezone.now())
            for cluster in clusters
            for firm_id in rng.sample(firm_ids, FIRMS // 10)
        )
        FirmMember.objects.create(firm_id=firm_ids[0], user=user, role="owner")
    members: dict[int, list[int]] = {}
    for cluster_id, firm_id in ClusterMembership.objects.filter(firm_id__in=firm_ids, status="active").values_list(
        "cluster_id", "firm_id"
    ):
        members.setdefault(cluster_id, []).append(firm_id)
    return firm_ids, members, user


def _ensure_assets(count: int, fresh: bool) -> tuple[Firm, User]:
    with transaction.atomic():
        firm_ids, members, user = _setup_firms()
        owned = AssetOwnership.objects.filter(firm_id__in=firm_ids)
        if fresh:
            Asset.objects.filter(pk__in=owned.values("asset_id")).delete()
        have = owned.count()
        if have < count:
            print(f"generating {count - have} assets…")
            started = time.perf_counter()
            generate_assets(
                rng=random.Random(f"bench:{have}"),
                count=count - have,
                firm_ids=firm_ids,
                cluster_members=members,
                created_by_id=user.pk,
                now=timezone.now(),
            )
            print(f"generated in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE knowledge_asset")
        cursor.execute("ANALYZE knowledge_assetownership")
    # The searcher: a bench firm in some clusters, as a typical member sees the catalogue.
    searcher = Firm.objects.get(pk=firm_ids[1])
    return searcher, user


def _time(fn: Callable[[], Any], runs: int) -> list[float]:
    fn()  # warm the caches and jieba
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _compare_crosslingual(searcher: Firm, user: User, runs: int) -> None:
    """``asset_search`` as a page makes it, without translation, without the all-but-one fallback and
    whole, interleaved query by query and run by run so that the machine's load weighs on all three alike."""
    from django.test.utils import override_settings

    searches = {
        "plain query (SEARCH_CROSSLINGUAL = False)": (False, False),
        "cross-lingual, no all-but-one fallback": (True, False),
        "cross-lingual": (True, True),
    }
    samples: dict[str, list[float]] = {label: [] for label in searches}
    load_before = os.getloadavg()[0]
    for query in QUERIES:
        for run in range(runs + 1):  # the first run of each warms the caches
            for label, (crosslingual, relaxed) in searches.items():
                with override_settings(SEARCH_CROSSLINGUAL=crosslingual, SEARCH_RELAXED=relaxed):
                    started = time.perf_counter()
                    asset_search(user=user, firm=searcher, query=query)
                    if run:
                        samples[label].append((time.perf_counter() - started) * 1000)
    print(f"load average {load_before:.1f} → {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for label, values in samples.items():
        print(f"{label:45s} p50 {_pct(values, 0.5):7.1f} ms   p95 {_pct(values, 0.95):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--assets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument(
        "--crosslingual", action="store_true", help="only compare the search with and without translation"
    )
    args = parser.parse_args()
    searcher, user = _ensure_assets(args.assets, args.fresh)
    if args.crosslingual:
        _compare_crosslingual(searcher, user, args.runs)
        return
    total = Asset.objects.count()
    load_before = os.getloadavg()[0]
    full, results_only, naive, matches = [], [], [], []
    for n, query in enumerate(QUERIES):
        visible = assets_visible_to(user=user, firm=searcher)
        matches.append(visible.filter(search_vector=search_query(query)).count())
        full += _time(lambda q=query: asset_search(user=user, firm=searcher, query=q), args.runs)
        results_only += _time(lambda q=query: asset_search(user=user, firm=searcher, query=q, facets=False), args.runs)
        if n % 2 == 0:  # icontains takes seconds per call: every other query, two runs each
            naive += _time(lambda q=query: asset_search_icontains(user=user, firm=searcher, query=q), 2)
    load_after = os.getloadavg()[0]
    rows = [
        ("asset_search (page + count + snippets + facets)", full),
        ("asset_search without facets (page + count + snippets)", results_only),
        ("icontains (page + count)", naive),
    ]
    print(
        f"{total} assets in the database; {len(QUERIES)} queries; visible matches per query: "
        f"median {statistics.median(matches):.0f}, max {max(matches)}; "
        f"load average {load_before:.1f} → {load_after:.1f} on {os.cpu_count()} CPUs"
    )
    for label, samples in rows:
        print(f"{label:58s} p50 {_pct(samples, 0.5):7.1f} ms   p95 {_pct(samples, 0.95):7.1f} ms")
    print(
        f"ratio icontains / asset_search: p50 {_pct(naive, 0.5) / _pct(full, 0.5):.1f}×, "
        f"p95 {_pct(naive, 0.95) / _pct(full, 0.95):.1f}×"
    )


if __name__ == "__main__":
    main()
