"""``make run``: start the platform until Ctrl-C.

Embedded PostgreSQL and Redis when no URLs are given, migrations, demo data, web server(s), worker(s) and
beat, all under supervisord, which starts again whatever stops (platform_/supervision.py). ``--web N``
(``make run WEB=N``; ``auto``: one per core when HAProxy is installed) puts N web processes behind
HAProxy; ``--workers M`` starts M Celery workers (platform_/topology.py, docs/scaling.md).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time

from platform_ import devservices, supervision, topology

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
    parser.add_argument(
        "--web", default=os.environ.get("WEB", "1"), help="web processes behind HAProxy (a number, or auto: per core)"
    )
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", "1")), help="Celery workers")
    options = parser.parse_args()
    web = web_processes(options.web)
    if options.workers < 1:
        parser.error("--workers must be at least 1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_.settings.dev")
    os.environ.setdefault("SITE_URL", f"http://{options.host}:{options.port}")
    with devservices.lease():
        return _serve(host=options.host, port=options.port, web=web, workers=options.workers)


def web_processes(value: str) -> int:
    """``auto``: one per core when HAProxy is installed (else one, said on the console); else the number given."""
    if value == "auto":
        cores = os.cpu_count() or 1
        if cores > 1 and topology.haproxy_binary() is None:
            print("HAProxy is not installed (apt-get install haproxy): one web process.", flush=True)
            return 1
        return cores
    if not value.isdigit() or int(value) < 1:
        raise SystemExit(f"--web: a number of at least 1, or auto (not {value!r})")
    return int(value)


def _serve(*, host: str, port: str, web: int = 1, workers: int = 1) -> int:
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
    # A previous make run's supervisord may still run its servers for a `make test` (see _stop).
    directory = devservices.LOCAL / "supervisor"
    directory = directory / "again" if devservices.handed_over_running() else directory
    applications = supervision.application_programs(host=host, port=port, web=web, workers=workers, directory=directory)
    programs += applications
    names = [program.name for program in applications]
    supervisor = supervision.Supervisor(programs, directory=directory)

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
        supervisor.ctl("start", *names)
        _banner(host=host, port=port, applications=names)
        while not stopping and supervisor.process is not None and supervisor.process.poll() is None:
            time.sleep(0.5)
    finally:
        code = _stop(
            supervisor,
            servers=[program.name for program in programs if program.name in supervision.SERVERS],
            applications=names,
        )
    print("Stopped.", flush=True)
    return 0 if stopping else (code or 1)


def _stop(supervisor: supervision.Supervisor, *, servers: list[str], applications: list[str]) -> int:
    """Stop everything, except the embedded servers while another command (`make test`) still uses them:
    supervisord then keeps only those running and the last of those commands stops it."""
    if servers and devservices.others_hold_leases():
        supervisor.ctl("stop", *applications, check=False)
        devservices.HANDED_OVER.write_text(str(supervisor.process.pid if supervisor.process else 0))
        print(f"{' and '.join(servers)} keep running for the command still using them; it stops them.", flush=True)
        return 0
    code = supervisor.stop()
    if not devservices.others_hold_leases():
        devservices.handed_over_stop()  # servers a previous make run left to a command that has ended since
    return code


def _banner(*, host: str, port: str, applications: list[str]) -> None:
    url = f"http://{host}:{port}/"
    print("\n" + "=" * 72, flush=True)
    print(f"  Virtual Clusters is running at {url}", flush=True)
    print(f"  API docs: {url}api/docs/    admin: {url}admin/", flush=True)
    print(f"  Demo logins (password {DEMO_PASSWORD}):", flush=True)
    for email, who in DEMO_LOGINS:
        print(f"    {email:38} {who}", flush=True)
    print(f"  Processes: {', '.join(applications)}", flush=True)
    print("  A process that stops is started again by supervisord (see docs/operations.md).", flush=True)
    print("  Press Ctrl-C to stop everything.", flush=True)
    print("=" * 72 + "\n", flush=True)


if __name__ == "__main__":
    sys.exit(main())
