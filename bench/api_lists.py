"""Partner API list endpoints at 100k rows against bare Django JSON views, on one uvicorn server.

Rows: 100k firms, 100k webhook deliveries, 500 clusters with 100k active memberships.

Run: ``.venv/bin/python -m bench.api_lists`` (uses DATABASE_URL / REDIS_URL; seeds once, ~1 minute; needs
``wrk``, ``apt-get install wrk``). The server is started as ``make run`` starts it (one uvicorn worker, pooled
database connections) with ``bench.api_settings``. The load comes from ``wrk`` (one thread, a C event loop,
a few percent of a core), never from Python threads in this process, so the server has the cores.

For each comparison the bare view and the API endpoint are loaded in alternating rounds (bare, API, API,
bare, ...; ``BENCH_ROUNDS`` rounds of ``BENCH_ROUND_SECONDS`` each) with the same ``BENCH_CONCURRENCY``
keep-alive connections and the same headers, so both see the same machine at the same times; each
round's latency histogram comes back from wrk's Lua ``done`` hook and the rounds are merged. Prints
requests/s and p50/p99 per endpoint, the ratio to the bare view, and the queries per request (Django's
test client). ``BENCH_SWEEP=1,2,4,8`` also measures the firm list at those concurrencies.
"""

from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.open_loop import open_loop

ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
CLUSTERS = int(os.environ.get("BENCH_CLUSTERS", "500"))
# One uvicorn worker runs Django's synchronous code on one thread: one request at a time. Two
# connections keep it busy (the next request is already waiting while one is served) without
# measuring only queueing; see docs/performance.md for the sweep behind the choice.
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "2"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "6"))
ROUND_SECONDS = int(os.environ.get("BENCH_ROUND_SECONDS", "3"))
SWEEP = [int(n) for n in os.environ.get("BENCH_SWEEP", "").split(",") if n.strip()]
# Open-loop rates (requests a second, bench/open_loop.py), each API list and its full bare view in turn.
RATES = [float(n) for n in os.environ.get("BENCH_RATES", "").split(",") if n.strip()]
OPEN_LOOP_SECONDS = float(os.environ.get("BENCH_OPEN_LOOP_SECONDS", "10"))

# wrk's done hook: the round's totals and its latency histogram (microseconds: count), one line each.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK totals %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    e.connect, e.read, e.write, e.status, e.timeout))
  io.write("WRK histogram")
  for i = 1, #latency do
    local value, count = latency(i)
    if count > 0 then io.write(string.format(" %d:%d", value, count)) end
  end
  io.write("\\n")
end
"""


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.api_settings")
    import django

    django.setup()


def seed() -> str:
    """100k firms and 100k webhook deliveries (once), and a key of the first firm; returns the token."""
    from django.core.management import call_command
    from django.db import connection

    from bench.api_urls import bench_firms
    from platform_.api.keys import api_key_create
    from platform_.api.models import WebhookDelivery, WebhookEndpoint
    from platform_.api.scopes import ALL_SCOPES
    from platform_.identity.credit_code import ALPHABET, check_character
    from platform_.identity.models import Firm, FirmMember, Sector, User

    call_command("migrate", verbosity=0)
    sector = Sector.objects.first() or Sector.objects.create(
        code="17", section="C", name_zh="纺织业", name_en="Manufacture of textiles"
    )
    have = bench_firms().count()
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
    firm = bench_firms().first()
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
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh rows: plans as a settled database has them, for both sides
    return api_key_create(firm=firm, by=owner, name="bench", scopes=ALL_SCOPES, rate_limit="10000000/min").token


def seed_clusters(*, owner: Any, firm: Any, sector: Any) -> None:
    """CLUSTERS approved clusters and ROWS active memberships of the bench firms (once)."""
    from django.utils import timezone

    from bench.api_urls import bench_firms
    from clusters.models import Cluster, ClusterMembership

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
    firm_ids = list(bench_firms().values_list("id", flat=True))
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


@dataclass
class Load:
    """Merged wrk rounds of one path: completed requests, seconds under load, latency histogram (µs)."""

    requests: int = 0
    seconds: float = 0.0
    histogram: Counter[int] = field(default_factory=Counter)

    def add(self, output: str, path: str) -> None:
        totals = next(line for line in output.splitlines() if line.startswith("WRK totals")).split()[2:]
        requests, duration, *errors = (int(n) for n in totals)
        if any(errors):
            raise SystemExit(f"{path}: wrk reported errors (connect, read, write, status>399, timeout) {errors}")
        histogram = next(line for line in output.splitlines() if line.startswith("WRK histogram")).split()[2:]
        for pair in histogram:
            value, count = pair.split(":")
            self.histogram[int(value)] += int(count)
        self.requests += requests
        self.seconds += duration / 1e6

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def percentile(self, share: float) -> float:
        """Milliseconds below which ``share`` of the requests completed."""
        rank, seen = share * sum(self.histogram.values()), 0
        for value in sorted(self.histogram):
            seen += self.histogram[value]
            if seen >= rank:
                return value / 1000
        return 0.0


def wrk(base: str, path: str, headers: dict[str, str], script: Path, seconds: int, connections: int) -> str:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script)]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    done = subprocess.run([*command, base + path], capture_output=True, text=True, check=True)
    return done.stdout


def compare(base: str, paths: dict[str, str], headers: dict[str, str], script: Path) -> dict[str, Load]:
    """Alternating rounds over the paths (order reversed every other round), merged per path."""
    loads = {name: Load() for name in paths}
    for path in paths.values():  # warm up: caches, the connection pool, the query plans
        wrk(base, path, headers, script, 1, CONCURRENCY)
    names = list(paths)
    for round_number in range(ROUNDS):
        for name in names if round_number % 2 == 0 else reversed(names):
            loads[name].add(wrk(base, paths[name], headers, script, ROUND_SECONDS, CONCURRENCY), paths[name])
    return loads


def queries_per_request(path: str, token: str) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}")
    with CaptureQueriesContext(connection) as captured:
        client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}")
    return len(captured)


def uptime() -> str:
    env = {**os.environ, "TZ": "UTC"}  # Django set TZ to TIME_ZONE in this process
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False, env=env).stdout.strip()


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    setup_django()
    token = seed()
    print(f"start: {uptime()}", flush=True)
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.api_settings",
        "DB_POOL": "1",
        "SERVER_GC_TUNING": "1",
    }  # as make run starts it
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
    headers = {"Authorization": f"Bearer {token}"}  # sent to the bare views too: the same requests
    comparisons = [  # (API endpoint, a bare Django view over the same rows)
        ("/api/v1/firms/", "/bench/bare-firms/"),  # the bare view: 6 of the 15 fields, no taxonomy
        ("/api/v1/firms/", "/bench/bare-firms-full/"),  # the bare view: every field, as the API
        ("/api/v1/webhooks/deliveries/", "/bench/bare-deliveries/"),
        ("/api/v1/clusters/", "/bench/bare-clusters/"),  # the bare view: 9 of the 17 fields, no sectors
        ("/api/v1/clusters/", "/bench/bare-clusters-full/"),  # the bare view: every field, as the API
        ("/api/v1/memberships/", "/bench/bare-memberships/"),  # the bare view: flat rows, 12 of the 17 fields
        ("/api/v1/memberships/", "/bench/bare-memberships-full/"),  # the bare view: every field, as the API
    ]
    results = []
    sweep = []
    open_loops = []
    with tempfile.TemporaryDirectory() as directory:
        script = Path(directory) / "histogram.lua"
        script.write_text(WRK_SCRIPT)
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{base}/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.2)
            for api_path, bare_path in comparisons:
                loads = compare(base, {"bare": bare_path, "api": api_path}, headers, script)
                results.append((api_path, bare_path, loads["api"], loads["bare"]))
            for connections in SWEEP:
                load = Load()
                load.add(wrk(base, "/api/v1/firms/", headers, script, ROUND_SECONDS * 2, connections), "sweep")
                sweep.append((connections, load))
            for rate in RATES:
                for path in [
                    "/api/v1/firms/",
                    "/bench/bare-firms-full/",
                    "/api/v1/webhooks/deliveries/",
                    "/bench/bare-deliveries/",
                    "/api/v1/clusters/",
                    "/bench/bare-clusters-full/",
                    "/api/v1/memberships/",
                    "/bench/bare-memberships-full/",
                ]:
                    open_loops.append(
                        (path, open_loop(base + path, headers=headers, rate=rate, seconds=OPEN_LOOP_SECONDS))
                    )
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"end: {uptime()}")
    print(
        f"rows: {ROWS}, concurrency: {CONCURRENCY} keep-alive connections (wrk -t1), "
        f"{ROUNDS} alternating rounds of {ROUND_SECONDS} s per path"
    )
    print(
        "| endpoint (100k rows) | req/s | p50 ms | p99 ms | bare req/s | bare p50 ms | bare p99 ms | × bare "
        "| queries/request |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for api_path, bare_path, api, bare in results:
        print(
            f"| GET {api_path} (vs {bare_path}) | {api.rps:.0f} | {api.percentile(0.5):.1f} | "
            f"{api.percentile(0.99):.1f} | {bare.rps:.0f} | {bare.percentile(0.5):.1f} | "
            f"{bare.percentile(0.99):.1f} | {api.rps / bare.rps:.2f} | {queries_per_request(api_path, token)} |"
        )
    if sweep:
        print("\n| connections | GET /api/v1/firms/ req/s | p50 ms | p99 ms |")
        print("| ---: | ---: | ---: | ---: |")
        for connections, load in sweep:
            print(f"| {connections} | {load.rps:.0f} | {load.percentile(0.5):.1f} | {load.percentile(0.99):.1f} |")
    if open_loops:
        print(f"\nopen loop ({OPEN_LOOP_SECONDS:.0f} s per path and rate; latency from each request's due time)")
        print("| path | rate req/s | achieved req/s | p50 ms | p99 ms | max ms | connections | errors |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for path, run in open_loops:
            print(
                f"| GET {path} | {run.rate:.0f} | {run.achieved:.0f} | {run.percentile(0.5):.1f} | "
                f"{run.percentile(0.99):.1f} | {max(run.latencies_ms, default=0):.1f} | "
                f"{run.connections} | {run.errors} |"
            )


if __name__ == "__main__":
    main()
