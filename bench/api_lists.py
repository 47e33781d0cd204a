"""Partner API list endpoints at 100k rows against a bare Django JSON view, on one uvicorn server.

Rows: 100k firms, 100k webhook deliveries, 500 clusters with 100k active memberships.

Run: ``.venv/bin/python -m bench.api_lists`` (uses DATABASE_URL / REDIS_URL; seeds once, ~1 minute).
Prints requests/s and p50/p99 per endpoint, the ratio to the bare view, and the queries per request.
"""

from __future__ import annotations

import os
import random
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "400"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "4"))
CLUSTERS = int(os.environ.get("BENCH_CLUSTERS", "500"))


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.api_settings")
    import django

    django.setup()


def seed() -> str:
    """100k firms and 100k webhook deliveries (once), and a key of the first firm; returns the token."""
    from django.core.management import call_command

    from platform_.api.keys import api_key_create
    from platform_.api.models import WebhookDelivery, WebhookEndpoint
    from platform_.api.scopes import ALL_SCOPES
    from platform_.identity.credit_code import ALPHABET, check_character
    from platform_.identity.models import Firm, FirmMember, Sector, User

    call_command("migrate", verbosity=0)
    sector = Sector.objects.first() or Sector.objects.create(
        code="17", section="C", name_zh="纺织业", name_en="Manufacture of textiles"
    )
    have = Firm.objects.filter(name_en__startswith="Bench Firm").count()
    rng = random.Random(7)
    batch = 5000
    for start in range(have, ROWS, batch):
        firms = []
        for n in range(start, min(ROWS, start + batch)):
            body = "91" + "440300" + "".join(rng.choice(ALPHABET) for _ in range(9))
            firms.append(
                Firm(
                    name_zh=f"基准企业{n}",
                    name_en=f"Bench Firm {n}",
                    credit_code=body + check_character(body),
                    province="44",
                    city="深圳",
                )
            )
        created = Firm.objects.bulk_create(firms, ignore_conflicts=True)
        through = Firm.sectors.through
        ids = Firm.objects.filter(name_en__in=[f.name_en for f in created]).values_list("id", flat=True)
        through.objects.bulk_create([through(firm_id=i, sector_id=sector.pk) for i in ids], ignore_conflicts=True)
        print(f"  seeded firms {start + len(firms)}/{ROWS}", file=sys.stderr)
    owner, _ = User.objects.get_or_create(email="bench-owner@example.test")
    firm = Firm.objects.filter(name_en__startswith="Bench Firm").order_by("id").first()
    assert firm is not None
    FirmMember.objects.get_or_create(firm=firm, user=owner, defaults={"role": "owner"})
    endpoint = WebhookEndpoint.objects.filter(firm=firm).first() or WebhookEndpoint.objects.create(
        firm=firm, url="https://bench.example.test/hook", secret="whsec_bench", events=["*"], active=False
    )
    have = endpoint.deliveries.count()
    for start in range(have, ROWS, 10000):
        WebhookDelivery.objects.bulk_create(
            [
                WebhookDelivery(
                    endpoint=endpoint,
                    event="asset.published",
                    payload={"asset_id": n, "firm_id": firm.pk},
                    status="delivered",
                    attempts=1,
                )
                for n in range(start, min(ROWS, start + 10000))
            ]
        )
    seed_clusters(owner=owner, firm=firm, sector=sector)
    return api_key_create(firm=firm, by=owner, name="bench", scopes=ALL_SCOPES, rate_limit="10000000/min").token


def seed_clusters(*, owner: Any, firm: Any, sector: Any) -> None:
    """CLUSTERS approved clusters and ROWS active memberships of the bench firms (once)."""
    from django.utils import timezone

    from clusters.models import Cluster, ClusterMembership
    from platform_.identity.models import Firm

    have = Cluster.objects.filter(slug__startswith="bench-").count()
    if have < CLUSTERS:
        clusters = Cluster.objects.bulk_create(
            [
                Cluster(
                    name_zh=f"基准集群{n}",
                    name_en=f"Bench Cluster {n}",
                    slug=f"bench-{n}",
                    theme="Textiles",
                    status="approved",
                    join_policy="open",
                    proposed_by=firm,
                    proposer=owner,
                )
                for n in range(have, CLUSTERS)
            ]
        )
        Cluster.sectors.through.objects.bulk_create(
            [Cluster.sectors.through(cluster_id=c.pk, sector_id=sector.pk) for c in clusters]
        )
    cluster_ids = list(Cluster.objects.filter(slug__startswith="bench-").order_by("id").values_list("id", flat=True))
    firm_ids = list(Firm.objects.filter(name_en__startswith="Bench Firm").order_by("id").values_list("id", flat=True))
    have = ClusterMembership.objects.filter(cluster_id__in=cluster_ids).count()
    now = timezone.now()
    for start in range(have, min(ROWS, len(firm_ids)), 10000):
        ClusterMembership.objects.bulk_create(
            [
                ClusterMembership(
                    cluster_id=cluster_ids[n % len(cluster_ids)], firm_id=firm_ids[n], status="active", joined_at=now
                )
                for n in range(start, min(ROWS, len(firm_ids), start + 10000))
            ]
        )
        print(f"  seeded memberships {start + 10000}/{ROWS}", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load(base: str, api_path: str, bare_path: str, headers: dict[str, str]) -> tuple[dict, dict]:
    """A bounded loop: CONCURRENCY keep-alive clients each send REQUESTS / CONCURRENCY pairs of GETs,
    alternating the bare view and the API, so both see the same machine load at the same moments.

    Requests/s of each is CONCURRENCY / its mean latency (a closed loop: each client always has one
    request in flight, so this is the throughput that path alone would have at that concurrency).
    """
    latencies: dict[str, list[float]] = {"api": [], "bare": []}

    def worker(count: int) -> dict[str, list[float]]:
        mine: dict[str, list[float]] = {"api": [], "bare": []}
        with httpx.Client(base_url=base, timeout=30) as client:
            for n in range(count * 2):
                kind = "bare" if n % 2 == 0 else "api"
                started = time.perf_counter()
                response = client.get(api_path, headers=headers) if kind == "api" else client.get(bare_path)
                mine[kind].append(time.perf_counter() - started)
                assert response.status_code == 200, (kind, response.status_code, response.text[:300])
        return mine

    with httpx.Client(base_url=base, headers=headers) as client:  # warm up
        for _ in range(10):
            client.get(api_path)
            client.get(bare_path)
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        for result in pool.map(worker, [REQUESTS // CONCURRENCY] * CONCURRENCY):
            for kind in latencies:
                latencies[kind].extend(result[kind])

    def figures(values: list[float]) -> dict[str, float]:
        values.sort()
        return {
            "rps": CONCURRENCY / statistics.mean(values),
            "p50": statistics.median(values) * 1000,
            "p99": values[int(len(values) * 0.99) - 1] * 1000,
        }

    return figures(latencies["api"]), figures(latencies["bare"])


def queries_per_request(path: str, token: str) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}")
    with CaptureQueriesContext(connection) as captured:
        client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}")
    return len(captured)


def main() -> None:
    setup_django()
    token = seed()
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.api_settings", "DB_CONN_MAX_AGE": "60"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "platform_.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(f"{base}/healthz", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        auth = {"Authorization": f"Bearer {token}"}
        pairs = [  # (API endpoint, a bare Django view over the same rows)
            ("/api/v1/firms/", "/bench/bare-firms/"),  # the bare view: 6 of the 15 fields, no taxonomy
            ("/api/v1/firms/", "/bench/bare-firms-full/"),  # the bare view: every field, as the API
            ("/api/v1/webhooks/deliveries/", "/bench/bare-deliveries/"),
            ("/api/v1/clusters/", "/bench/bare-clusters/"),
            ("/api/v1/memberships/", "/bench/bare-memberships/"),
        ]
        results = []
        for api_path, bare_path in pairs:
            api, bare = load(base, api_path, bare_path, auth)
            results.append((api_path, bare_path, api, bare))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"rows: {ROWS}, requests per endpoint: {REQUESTS}, concurrency: {CONCURRENCY}")
    print("| endpoint | req/s | p50 ms | p99 ms | bare req/s | bare p99 ms | × bare | queries/request |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for api_path, bare_path, api, bare in results:
        print(
            f"| GET {api_path} (vs {bare_path}) | {api['rps']:.0f} | {api['p50']:.1f} | {api['p99']:.1f} | "
            f"{bare['rps']:.0f} | {bare['p99']:.1f} | {api['rps'] / bare['rps']:.2f} | "
            f"{queries_per_request(api_path, token)} |"
        )


if __name__ == "__main__":
    main()
