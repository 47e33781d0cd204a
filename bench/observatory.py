"""Benchmark of the open observatory: the refresh, then every public page and open-data endpoint.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vc_bench_observatory REDIS_URL=redis://127.0.0.1:6379/7 \\
        .venv/bin/python -m bench.observatory --firms 100000 --events 10000000

Generates the platform with PostgreSQL COPY (the spillover benchmark's generator: firms over the
provinces, sectors, clusters, co-owned assets and use events) into its own database when it holds
fewer firms than asked, times ``open_statistics_refresh`` (the Celery task's work), then requests
each page and endpoint ``--requests`` times through Django's test client in this process (server
time, no network) and prints p50 / p95 / max and the response size. Pages read the precomputed
tables, so their cost should not grow with the record.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

URLS = (
    "/observatory/",
    "/observatory/?measure=use_events",
    "/observatory/provinces/33/",
    "/observatory/sections/C/",
    "/observatory/clusters/",
    "/observatory/compare/?p=33&p=44&p=32&p=35&p=37&p=34&p=21&p=23&p=43&p=51",
    "/observatory/data/",
    "/observatory/data/provinces.csv",
    "/observatory/data/flows_between_provinces.csv",
    "/observatory/data/datapackage.json",
    "/api/v1/open/tables/",
    "/api/v1/open/tables/firms_by_province_section/",
    "/api/v1/open/tables/monthly_growth/",
    "/belts/",
)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def spread_firms() -> None:
    """Give the generated firms a sector each and registration dates over three years, as real ones have."""
    from django.db import connection

    from platform_.identity.models import Firm, Sector
    from platform_.identity.reference import sync_reference_data

    if not Sector.objects.exists():
        sync_reference_data()
    through = Firm.sectors.through._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {through} (firm_id, sector_id) "
            "SELECT f.id, s.ids[1 + (f.id % array_length(s.ids, 1))] FROM identity_firm f, "
            "(SELECT array_agg(id ORDER BY code) AS ids FROM identity_sector WHERE section IN ('C', 'I', 'F', 'M')) s "
            f"WHERE NOT EXISTS (SELECT 1 FROM {through} t WHERE t.firm_id = f.id)"
        )
        cursor.execute("UPDATE identity_firm SET created_at = now() - (id % 1000) * interval '1 day'")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--firms", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--regenerate", action="store_true", help="generate the data even if enough firms exist")
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_.settings.dev")
    os.environ["OPEN_DATA_RATE"] = "1000000/min"  # the benchmark calls from one address
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from bench.spillover_recompute import generate
    from knowledge.models import UseEvent
    from observatory.services import open_statistics_refresh
    from platform_.identity.models import Firm

    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    if options.regenerate or Firm.objects.count() < options.firms:
        started = time.perf_counter()
        generate(options.firms, options.events)
        spread_firms()
        print(f"generated {options.firms:,} firms / {options.events:,} events in {time.perf_counter() - started:.0f} s")
    firms, events = Firm.objects.count(), UseEvent.objects.count()
    print(f"record: {firms:,} firms, {events:,} use events")

    started = time.perf_counter()
    stats = open_statistics_refresh()
    refresh = time.perf_counter() - started
    assert stats is not None, "another refresh holds the lock"
    size = len(str(stats.data))
    print(f"refresh: {refresh:.1f} s ({stats.firms_counted:,} firms, {stats.events_counted:,} events; ~{size:,} chars)")

    client = Client()
    print(f"{'url':<70} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'bytes':>9}")
    worst = 0.0
    for url in URLS:
        response = client.get(url)  # the first read parses the current set into the process
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(options.requests):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        p95 = percentile(times, 0.95)
        worst = max(worst, p95)
        body = len(response.content) if not response.streaming else 0
        print(f"{url:<70} {statistics.median(times):8.1f} {p95:8.1f} {max(times):8.1f} {body:9,}")
    print(f"worst p95: {worst:.1f} ms (target: under 200 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
