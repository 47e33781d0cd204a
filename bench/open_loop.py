"""An open-loop HTTP load at a fixed rate: requests leave on a schedule, whatever the server does.

A closed loop (wrk, a fixed number of connections each waiting for its answer) sends less when the
server slows down, so a stall delays only the few requests in flight and the tail looks short. Here
request ``i`` is due at ``start + i / rate``; its latency runs from that due time, not from when a
connection was free to send it (the correction wrk2 makes for coordinated omission). A request that
finds every open connection busy opens another, up to ``max_connections``; beyond that it waits for
one, and the wait counts in its latency.

Plain asyncio streams speaking HTTP/1.1 keep-alive (no client library in the timed path), one
event loop in this process.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class OpenLoopResult:
    rate: float
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    connections: int = 0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return 0.0
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    @property
    def achieved(self) -> float:
        return len(self.latencies_ms) / self.seconds


async def _request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, raw: bytes) -> int:
    writer.write(raw)
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:  # the server closed a kept-alive connection that sat idle
        raise ConnectionResetError("connection closed by the server")
    length, chunked = 0, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if chunked:
        while size := int((await reader.readline()).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readline()
    else:
        await reader.readexactly(length)
    return int(status_line.split()[1])


async def _run(url: str, headers: dict[str, str], rate: float, seconds: float, max_connections: int) -> OpenLoopResult:
    parts = urlsplit(url)
    head = [f"GET {parts.path or '/'}{'?' + parts.query if parts.query else ''} HTTP/1.1", f"Host: {parts.netloc}"]
    head += [f"{name}: {value}" for name, value in headers.items()]
    raw = ("\r\n".join(head) + "\r\n\r\n").encode()
    idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    opened = asyncio.Semaphore(max_connections)
    freed = asyncio.Condition()
    result = OpenLoopResult(rate=rate, seconds=seconds)

    async def one(due: float) -> None:
        connection = None
        while connection is None:
            if idle:
                connection = idle.pop()
            elif not opened.locked():
                await opened.acquire()
                result.connections += 1
                connection = await asyncio.open_connection(parts.hostname, parts.port)
            else:
                async with freed:
                    await freed.wait()
        try:
            try:
                status = await _request(*connection, raw)
            except ConnectionResetError:  # closed while idle: once more on a new connection
                connection[1].close()
                connection = await asyncio.open_connection(parts.hostname, parts.port)
                status = await _request(*connection, raw)
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            result.errors += 1
            connection[1].close()
            opened.release()
        else:
            result.latencies_ms.append((time.perf_counter() - due) * 1000)
            if status >= 400:
                result.errors += 1
            idle.append(connection)
        async with freed:
            freed.notify()

    start = time.perf_counter() + 0.05
    tasks = []
    for index in range(int(rate * seconds)):
        due = start + index / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(due)))
    await asyncio.gather(*tasks)
    for _, writer in idle:
        writer.close()
    return result


def open_loop(
    url: str, *, headers: dict[str, str], rate: float, seconds: float, max_connections: int = 64
) -> OpenLoopResult:
    """``rate`` requests a second for ``seconds`` against ``url``; latencies from each request's due time."""
    return asyncio.run(_run(url, headers, rate, seconds, max_connections))
