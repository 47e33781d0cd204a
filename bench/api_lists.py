"""Partner API list endpoints at 100k rows against a bare Django JSON view, on one uvicorn server.

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

import httpx

ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "400"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "4"))


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
    return api_key_create(firm=firm, by=owner, name="bench", scopes=ALL_SCOPES, rate_limit="10000000/min").token


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load(base: str, path: str, headers: dict[str, str]) -> dict[str, float]:
    """A bounded loop: REQUESTS GETs from CONCURRENCY keep-alive clients; latency of each one."""
    latencies: list[float] = []

    def worker(count: int) -> list[float]:
        mine = []
        with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
            for _ in range(count):
                started = time.perf_counter()
                response = client.get(path)
                mine.append(time.perf_counter() - started)
                assert response.status_code == 200, (path, response.status_code, response.text[:300])
        return mine

    with httpx.Client(base_url=base, headers=headers) as client:  # warm up
        for _ in range(10):
            client.get(path)
    per_worker = REQUESTS // CONCURRENCY
    started = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        for result in pool.map(worker, [per_worker] * CONCURRENCY):
            latencies.extend(result)
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000,
    }


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
            ("/api/v1/firms/", "/bench/bare-firms/"),
            ("/api/v1/webhooks/deliveries/", "/bench/bare-deliveries/"),
        ]
        results = []
        for api_path, bare_path in pairs:  # interleaved, so both see the same machine load
            bare = load(base, bare_path, {})
            api = load(base, api_path, auth)
            results.append((api_path, api, bare))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"rows: {ROWS}, requests per endpoint: {REQUESTS}, concurrency: {CONCURRENCY}")
    print("| endpoint | req/s | p50 ms | p99 ms | bare req/s | bare p99 ms | × bare | queries/request |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for api_path, api, bare in results:
        print(
            f"| GET {api_path} | {api['rps']:.0f} | {api['p50']:.1f} | {api['p99']:.1f} | "
            f"{bare['rps']:.0f} | {bare['p99']:.1f} | {api['rps'] / bare['rps']:.2f} | "
            f"{queries_per_request(api_path, token)} |"
        )


if __name__ == "__main__":
    main()
