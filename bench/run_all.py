"""Every benchmark of docs/performance.md, one after another, each in a database of its own.

    make bench                      # servers started as make run starts them, unless URLs are given
    .venv/bin/python -m bench.run_all [--only realtime,api] [--quick]

Each benchmark gets a database named after it on the server of DATABASE_URL (created and migrated
when missing) and a Redis database of its own on the server of REDIS_URL, so their data never mix
with the platform's. ``--quick`` runs the small sizes (to check the benchmarks still run; its
figures are not the ones to publish). The figures are printed; docs/performance.md records them
with the date and the machine's load.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Benchmark:
    name: str
    database: str
    redis_db: int
    args: tuple[str, ...]
    quick_args: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()
    quick_env: tuple[tuple[str, str], ...] = ()


BENCHMARKS = (
    Benchmark(
        "knowledge",
        "vc_bench_knowledge",
        4,
        ("bench.knowledge_search", "--assets", "100000", "--runs", "5"),
        ("bench.knowledge_search", "--assets", "2000", "--runs", "2"),
    ),
    Benchmark(
        "realtime",
        "vc_bench_realtime",
        13,
        ("bench.realtime_room", "--sizes", "100,500,1000", "--cycles", "10000"),
        ("bench.realtime_room", "--sizes", "20", "--cycles", "200"),
    ),
    Benchmark(
        "coedit",
        "vc_bench_coedit",
        12,
        ("bench.coedit", "--editors", "20,50", "--seconds", "5"),
        ("bench.coedit", "--editors", "5", "--seconds", "1"),
    ),
    Benchmark(
        "api",
        "vc_bench_api",
        5,
        ("bench.api_lists",),
        ("bench.api_lists",),
        quick_env=(("BENCH_ROWS", "2000"), ("BENCH_CLUSTERS", "20")),
    ),
    Benchmark(
        "spillover",
        "vc_bench_spillover",
        6,
        ("bench.spillover_recompute", "--firms", "10000", "--events", "1000000", "--naive"),
        ("bench.spillover_recompute", "--firms", "500", "--events", "20000"),
    ),
    Benchmark(
        "spillover-partitions",
        "vc_bench_spillover_partitions",
        9,
        ("bench.spillover_partitions", "--firms", "10000", "--events", "1000000", "--batch-rows", "100000"),
        ("bench.spillover_partitions", "--firms", "500", "--events", "20000", "--batch-rows", "2000"),
    ),
    Benchmark(
        "pages",
        "vc_bench_pages",
        10,
        ("bench.pages", "--firms", "10000", "--events", "400000"),
        ("bench.pages", "--firms", "500", "--events", "20000", "--requests", "5"),
    ),
    Benchmark(
        "observatory",
        "vc_bench_observatory",
        7,
        ("bench.observatory", "--firms", "100000", "--events", "10000000"),
        ("bench.observatory", "--firms", "2000", "--events", "50000", "--requests", "10"),
    ),
)


def with_path(url: str, path: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


def ensure_database(url: str, name: str) -> str:
    """The URL of database ``name`` on the server of ``url``, created if it does not exist."""
    with psycopg.connect(with_path(url, "/postgres"), autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return with_path(url, f"/{name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="", help="comma-separated names: " + ",".join(b.name for b in BENCHMARKS))
    parser.add_argument("--quick", action="store_true", help="small sizes, to check that every benchmark runs")
    options = parser.parse_args()
    chosen = {name for name in options.only.split(",") if name}
    unknown = chosen - {b.name for b in BENCHMARKS}
    if unknown:
        parser.error(f"unknown benchmarks: {', '.join(sorted(unknown))}")
    database_url, redis_url = os.environ.get("DATABASE_URL"), os.environ.get("REDIS_URL")
    if not database_url or not redis_url:
        print("DATABASE_URL and REDIS_URL are needed (make bench starts the servers)", file=sys.stderr)
        return 2
    failed = []
    for benchmark in BENCHMARKS:
        if chosen and benchmark.name not in chosen:
            continue
        env = {
            **os.environ,
            "DATABASE_URL": ensure_database(database_url, benchmark.database),
            "REDIS_URL": with_path(redis_url, f"/{benchmark.redis_db}"),
            **dict(benchmark.quick_env if options.quick else benchmark.env),
        }
        env.pop("DJANGO_SETTINGS_MODULE", None)  # each benchmark chooses its settings
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "platform_.settings.dev"},
            check=True,
        )
        args = benchmark.quick_args if options.quick else benchmark.args
        print(f"\n== {benchmark.name}: python -m {' '.join(args)} (uptime: {os.getloadavg()[0]:.2f})", flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, "-m", *args], cwd=ROOT, env=env)
        print(f"== {benchmark.name}: exit {code} in {time.perf_counter() - started:.0f} s", flush=True)
        if code:
            failed.append(benchmark.name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
