"""The open-loop load client of the API benchmark (bench/open_loop.py) against a small local HTTP server."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from bench.open_loop import open_loop


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the benchmark's server

    def do_GET(self) -> None:  # the stdlib handler names it
        body = b"not here" if self.path == "/missing" else b'{"results": []}'
        self.send_response(404 if self.path == "/missing" else 200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.seen.append(self.headers.get("Authorization"))  # type: ignore[attr-defined]
        if self.path == "/closes":  # drops the kept-alive connection without saying so, as an idle timeout does
            self.close_connection = True

    def log_message(self, *args: Any) -> None:
        pass


def _serve() -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.seen = []  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_sends_every_scheduled_request_with_its_headers_over_kept_alive_connections() -> None:
    server = _serve()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/api/v1/firms/"
        result = open_loop(url, headers={"Authorization": "Bearer t"}, rate=50, seconds=1, max_connections=4)
    finally:
        server.shutdown()
    assert len(result.latencies_ms) == 50
    assert result.errors == 0
    assert 1 <= result.connections <= 4
    assert server.seen == ["Bearer t"] * 50  # type: ignore[attr-defined]
    assert result.percentile(0.5) <= result.percentile(0.99)


def test_counts_error_statuses() -> None:
    server = _serve()
    try:
        result = open_loop(f"http://127.0.0.1:{server.server_address[1]}/missing", headers={}, rate=20, seconds=0.5)
    finally:
        server.shutdown()
    assert result.errors == 10


def test_a_connection_the_server_dropped_is_replaced_not_counted_as_an_error() -> None:
    server = _serve()
    try:
        result = open_loop(
            f"http://127.0.0.1:{server.server_address[1]}/closes", headers={}, rate=20, seconds=0.5, max_connections=1
        )
    finally:
        server.shutdown()
    assert (len(result.latencies_ms), result.errors) == (10, 0)
