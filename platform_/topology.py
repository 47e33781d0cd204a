"""Several web processes behind HAProxy, several Celery workers and one beat, under the supervisord of ``make run``.

``make run WEB=2 WORKERS=2`` (``python -m platform_.launch --web 2 --workers 2``) starts ``web-1`` …
``web-N`` (uvicorn, each on a port of its own), ``haproxy`` (Debian's package) on the public port,
``worker-1`` … ``worker-M`` and one ``beat``. They share PostgreSQL and Redis: sessions, the cache
(throttles, idempotency keys), the channel layer (rooms, presence, co-editing) and the broker live
there, so any process answers any request and any socket. HAProxy checks ``GET /readyz`` every
second and takes a process that fails twice out, retrying a refused connection on the other one;
supervisord starts the dead one again and HAProxy puts it back once it answers. docs/scaling.md.
"""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

HAPROXY = "/usr/sbin/haproxy"
# HAProxy's health check: every second, out after two failures, back after one success.
CHECK = "check inter 1s fall 2 rise 1"


def haproxy_binary() -> str | None:
    """Debian's haproxy (``apt-get install haproxy``), else one on the PATH, else None."""
    return HAPROXY if Path(HAPROXY).exists() else shutil.which("haproxy")


def web_names(count: int) -> list[str]:
    """``web`` for one process (no balancer: the name `make run` always had), else ``web-1`` … ``web-N``."""
    return ["web"] if count == 1 else [f"web-{index}" for index in range(1, count + 1)]


def worker_names(count: int) -> list[str]:
    return ["worker"] if count == 1 else [f"worker-{index}" for index in range(1, count + 1)]


def backend_ports(*, host: str, port: int, count: int) -> list[int]:
    """Free ports above the public one, one per web process (stable for `make run`: 8001, 8002, …)."""
    ports: list[int] = []
    candidate = port
    while len(ports) < count:
        candidate += 1
        if candidate > 65535:
            raise RuntimeError("no free port left for the web processes")
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((host, candidate))
            except OSError:
                continue
        ports.append(candidate)
    return ports


def haproxy_config(
    *, host: str, port: int, backends: dict[str, int], stats_socket: Path, backend_host: str = "127.0.0.1"
) -> str:
    """The balancer: HTTP and WebSocket on ``host:port``, round robin over the web processes, /readyz checks.

    Each answer names the process that gave it (``X-Served-By``); ``stats_socket`` answers HAProxy's
    runtime commands (``show stat``: which process is up, how often each went down).
    """
    servers = [f"    server {name} {backend_host}:{backend} {CHECK}" for name, backend in backends.items()]
    return (
        "\n".join(
            [
                "global",  # maxconn: derived from the file-descriptor limit
                f"    stats socket {stats_socket} mode 600 level admin",
                "defaults",
                "    mode http",
                "    option forwardfor",
                "    option redispatch",  # a refused connection is retried on another process
                "    retries 2",
                "    timeout connect 2s",
                "    timeout client 60s",
                "    timeout server 60s",
                "    timeout tunnel 1h",  # an open WebSocket
                "    timeout client-fin 5s",
                "    timeout http-request 10s",
                f"frontend public\n    bind {host}:{port}\n    default_backend web",
                "backend web",
                "    balance roundrobin",
                "    option httpchk GET /readyz",
                "    http-check expect status 200",
                "    http-response set-header X-Served-By %s",
                # A process that dies: its open connections are closed at once (sockets reconnect elsewhere).
                "    default-server on-marked-down shutdown-sessions",
                *servers,
            ]
        )
        + "\n"
    )
