"""``make run``: start the platform until Ctrl-C.

Embedded PostgreSQL and Redis when no URLs are given, migrations, demo data, web server, worker and beat,
all under supervisord, which starts again whatever stops (platform_/supervision.py).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time

from platform_ import devservices, supervision

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
    only = os.environ.get("DEMO_ONLY", "").split()  # some stages only (the fault suite: quicker start)
    call_command("demo_data", if_empty=True, **({"only": only} if only else {}))
    connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_.settings.dev")
    os.environ.setdefault("SITE_URL", f"http://{options.host}:{options.port}")
    with devservices.lease():
        return _serve(host=options.host, port=options.port)


def _serve(*, host: str, port: str) -> int:
    """Everything under supervisord (platform_/supervision.py), until Ctrl-C or SIGTERM."""
    programs: list[supervision.Program] = []
    # The embedded servers are supervised here unless a URL is given or a server of .local/ already
    # runs (`make test` started it): those are used as they are (the lease keeps them running).
    if not os.environ.get("DATABASE_URL"):
        if devservices.postgres_running():
            os.environ["DATABASE_URL"] = devservices.postgres_url()
        else:
            program, os.environ["DATABASE_URL"] = supervision.postgres_program()
            programs.append(program)
    if not os.environ.get("REDIS_URL"):
        if devservices.redis_running():
            os.environ["REDIS_URL"] = devservices.redis_url()
        else:
            program, os.environ["REDIS_URL"] = supervision.redis_program()
            programs.append(program)
    programs += supervision.application_programs(host=host, port=port)
    # A previous make run's supervisord may still run its servers for a `make test` (see _stop).
    directory = devservices.LOCAL / "supervisor"
    supervisor = supervision.Supervisor(
        programs, directory=directory / "again" if devservices.handed_over_running() else directory
    )

    stopping = False

    def stop(*_args: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    supervisor.start()
    try:
        supervision.wait_until(lambda: supervision.postgres_answers(os.environ["DATABASE_URL"]), what="PostgreSQL")
        redis_port = int(os.environ["REDIS_URL"].rsplit(":", 1)[1].split("/")[0])
        supervision.wait_until(lambda: devservices.redis_answers(redis_port), what="Redis")
        _prepare_database()
        supervisor.ctl("start", *supervision.APPLICATIONS)
        _banner(host=host, port=port)
        while not stopping and supervisor.process is not None and supervisor.process.poll() is None:
            time.sleep(0.5)
    finally:
        code = _stop(supervisor, servers=[program.name for program in programs if program.name in SERVERS])
    print("Stopped.", flush=True)
    return 0 if stopping else (code or 1)


SERVERS = ("postgres", "redis")


def _stop(supervisor: supervision.Supervisor, *, servers: list[str]) -> int:
    """Stop everything, except the embedded servers while another command (`make test`) still uses them:
    supervisord then keeps only those running and the last of those commands stops it."""
    if servers and devservices.others_hold_leases():
        supervisor.ctl("stop", *supervision.APPLICATIONS, check=False)
        devservices.HANDED_OVER.write_text(str(supervisor.process.pid if supervisor.process else 0))
        print(f"{' and '.join(servers)} keep running for the command still using them; it stops them.", flush=True)
        return 0
    code = supervisor.stop()
    if not devservices.others_hold_leases():
        devservices.handed_over_stop()  # servers a previous make run left to a command that has ended since
    return code


def _banner(*, host: str, port: str) -> None:
    url = f"http://{host}:{port}/"
    print("\n" + "=" * 72, flush=True)
    print(f"  Virtual Clusters is running at {url}", flush=True)
    print(f"  API docs: {url}api/docs/    admin: {url}admin/", flush=True)
    print(f"  Demo logins (password {DEMO_PASSWORD}):", flush=True)
    for email, who in DEMO_LOGINS:
        print(f"    {email:38} {who}", flush=True)
    print("  A process that stops is started again by supervisord (see docs/operations.md).", flush=True)
    print("  Press Ctrl-C to stop everything.", flush=True)
    print("=" * 72 + "\n", flush=True)


if __name__ == "__main__":
    sys.exit(main())
