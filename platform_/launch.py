"""``make run``: start the platform until Ctrl-C.

Embedded PostgreSQL and Redis when no URLs are given, migrations, demo data, web server, worker and beat.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from platform_ import devservices

ROOT = Path(__file__).resolve().parent.parent
DEMO_LOGINS = [
    ("admin@demo.vc", "platform administrator"),
    ("owner@hangzhou-textile.demo.vc", "owner of a Zhejiang textile-machinery firm, cluster moderator"),
    ("owner@foshan-appliance.demo.vc", "owner of a Guangdong small-appliance firm"),
]
DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 - the published password of the demo accounts


def _prepare_database() -> None:
    """Migrate when a migration is pending and load the demo data once, in this process (one Django start-up)."""
    import django
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    django.setup()
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=1)
    call_command("demo_data", if_empty=True)
    connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
    options = parser.parse_args()
    # The embedded servers start here (never in settings) when DATABASE_URL / REDIS_URL are unset.
    with devservices.services_environment():
        return _serve(host=options.host, port=options.port)


def _serve(*, host: str, port: str) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_.settings.dev")
    os.environ.setdefault("SITE_URL", f"http://{host}:{port}")

    _prepare_database()

    commands = {
        "web": [
            sys.executable,
            "-m",
            "uvicorn",
            "platform_.asgi:application",
            "--host",
            host,
            "--port",
            str(port),
            "--ws-max-size",
            "1048576",
            # Chat frames are small: compressing each one separately for every socket of a room
            # cost more CPU than the rest of the fan-out (see docs/performance.md).
            "--ws-per-message-deflate",
            "false",
            "--timeout-graceful-shutdown",
            "5",
        ],
        "worker": [sys.executable, "-m", "celery", "-A", "platform_", "worker", "-l", "INFO", "--concurrency", "2"],
        "beat": [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "platform_",
            "beat",
            "-l",
            "INFO",
            "--schedule",
            str(devservices.LOCAL / "celerybeat-schedule"),
        ],
    }
    # The ASGI server pools its database connections (sockets make many short calls); the
    # Celery processes fork, so they keep plain connections. Its garbage collector is tuned for
    # many open sockets (platform_/realtime/gc_tuning.py).
    environments = {
        "web": {
            **os.environ,
            "DB_POOL": os.environ.get("DB_POOL", "1"),
            "SERVER_GC_TUNING": os.environ.get("SERVER_GC_TUNING", "1"),
        }
    }
    processes = {
        name: subprocess.Popen(command, cwd=ROOT, start_new_session=True, env=environments.get(name))  # noqa: S603
        for name, command in commands.items()
    }
    stopping = False

    def stop(*_args: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

    url = f"http://{host}:{port}/"
    print("\n" + "=" * 72, flush=True)
    print(f"  Virtual Clusters is running at {url}", flush=True)
    print(f"  API docs: {url}api/docs/    admin: {url}admin/", flush=True)
    print(f"  Demo logins (password {DEMO_PASSWORD}):", flush=True)
    for email, who in DEMO_LOGINS:
        print(f"    {email:38} {who}", flush=True)
    print("  Press Ctrl-C to stop everything.", flush=True)
    print("=" * 72 + "\n", flush=True)

    exit_code = 0
    while not stopping:
        for name, process in processes.items():
            if process.poll() is not None:
                print(f"{name} exited with {process.returncode}; stopping the platform.", flush=True)
                exit_code = process.returncode or 1
                stopping = True
        time.sleep(0.5)

    for process in processes.values():
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 15
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
    print("Stopped.", flush=True)
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
