"""The realistic mix (locust) against the topology, with 1 and 2 web processes behind HAProxy.

    .venv/bin/python -m bench.mix [--web 1,2] [--users 30] [--seconds 60]

For each number of web processes it starts the platform as ``make run WEB=N`` does (supervisord,
HAProxy, one worker, beat, the embedded PostgreSQL and Redis, in a temporary ``.local/`` with the
identity and clusters demo stages), prepares signed-in firm users and a partner's API key, and runs
this file as a locustfile, headless, for ``--seconds``. Request kinds:

- firms (weight 5, 1–3 s between tasks): the clusters list and a cluster's page, the knowledge
  search and an asset list through the page, their notifications page; chat in their cluster's
  room (a WebSocket through the balancer: the time from ``chat.send`` to ``chat.ack``, the message
  committed in PostgreSQL and fanned out through Redis);
- partners (weight 1): the API's clusters and assets lists, and an idempotent write (a webhook
  endpoint created with ``Idempotency-Key``).

It prints requests per second and p95 per kind, the errors, and the CPU each process used (web,
HAProxy, PostgreSQL, Redis, worker): where it saturates. docs/scaling.md records the figures.
"""

from __future__ import annotations

import csv
import json
import os
import random
import time
import uuid
from typing import Any

try:  # the locustfile half: imported by locust (gevent), never by the driver below
    from locust import HttpUser, between, task
except ImportError:  # pragma: no cover - locust is a dev dependency
    HttpUser = object  # type: ignore[assignment,misc]

ACTORS = os.environ.get("MIX_ACTORS", "")
SEARCHES = ["textile", "machine", "设备", "quality", "export", "纺织", "energy", "mould"]


def _actors() -> dict[str, Any]:
    with open(ACTORS) as handle:
        return json.load(handle)


if HttpUser is not object:

    class Firm(HttpUser):
        """A signed-in firm member browsing, searching, reading and chatting."""

        weight = 5
        wait_time = between(1, 3)

        def on_start(self) -> None:
            actors = _actors()
            person = random.choice(actors["firms"])
            self.client.cookies.set("sessionid", person["session"])
            self.cluster = person["cluster"]
            self.clusters = actors["clusters"]
            self.socket: Any = None
            self.headers = {"Accept-Language": random.choice(["en", "zh-hans"])}

        def on_stop(self) -> None:
            if self.socket is not None:
                self.socket.close()

        @task(4)
        def browse_clusters(self) -> None:
            self.client.get("/clusters/", headers=self.headers, name="page: clusters")

        @task(3)
        def read_cluster(self) -> None:
            cluster = random.choice(self.clusters)
            self.client.get(f"/clusters/{cluster}/", headers=self.headers, name="page: cluster")

        @task(3)
        def search_assets(self) -> None:
            self.client.get(f"/knowledge/?q={random.choice(SEARCHES)}", headers=self.headers, name="page: search")

        @task(1)
        def notifications(self) -> None:
            self.client.get("/notifications/", headers=self.headers, name="page: notifications")

        @task(2)
        def chat(self) -> None:
            import websocket  # websocket-client, a dependency of locust; gevent makes it cooperative

            started = time.perf_counter()
            error: Exception | None = None
            try:
                if self.socket is None:
                    url = str(self.host).replace("http://", "ws://") + f"/ws/rooms/cluster/{self.cluster}/"
                    cookie = f"sessionid={self.client.cookies.get('sessionid')}"
                    self.socket = websocket.create_connection(
                        url, origin=self.host, header=[f"Cookie: {cookie}"], timeout=10
                    )
                    started = time.perf_counter()
                client_id = uuid.uuid4().hex
                self.socket.send(json.dumps({"type": "chat.send", "client_id": client_id, "body": "mix " + client_id}))
                while True:
                    frame = json.loads(self.socket.recv())
                    if frame.get("type") == "chat.ack" and frame.get("client_id") == client_id:
                        break
                    if frame.get("type") == "error":
                        raise RuntimeError(frame.get("code"))
            except Exception as failure:  # reported to locust as this request's failure
                error = failure
                if self.socket is not None:
                    self.socket.close()
                self.socket = None
            self.environment.events.request.fire(
                request_type="WS", name="socket: chat send → ack", response_time=(time.perf_counter() - started) * 1000,
                response_length=0, exception=error, context={},
            )  # fmt: skip

    class Partner(HttpUser):
        """A partner's integration calling the API with its key."""

        weight = 1
        wait_time = between(0.5, 1.5)

        def on_start(self) -> None:
            token = _actors()["token"]
            self.client.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})

        @task(3)
        def clusters(self) -> None:
            self.client.get("/api/v1/clusters/", name="api: clusters")

        @task(3)
        def assets(self) -> None:
            self.client.get(f"/api/v1/assets/?search={random.choice(SEARCHES)}", name="api: assets")

        @task(1)
        def write(self) -> None:
            key = uuid.uuid4().hex
            body = {"url": f"https://partner.example.test/mix/{key}", "events": ["asset.published"]}
            self.client.post(
                "/api/v1/webhooks/endpoints/", json=body, headers={"Idempotency-Key": key}, name="api: write"
            )


def _prepare(platform: Any, path: str) -> None:
    """Sessions of firm members of the busiest clusters, the clusters, and a partner's API key."""
    actors = platform.django(
        "import json\n"
        "from django.test import Client\n"
        "from clusters.models import Cluster, ClusterMembership\n"
        "from platform_.api.keys import api_key_create\n"
        "from platform_.api.scopes import ALL_SCOPES\n"
        "from platform_.identity.models import FirmMember\n"
        "firms = []\n"
        "rows = ClusterMembership.objects.filter(status='active').select_related('firm')[:40]\n"
        "for membership in rows:\n"
        "    member = FirmMember.objects.filter(firm=membership.firm).select_related('user').first()\n"
        "    if member is None: continue\n"
        "    client = Client(); client.force_login(member.user)\n"
        "    firms.append({'session': client.cookies['sessionid'].value, 'cluster': membership.cluster_id})\n"
        "first = rows[0]\n"
        "owner = FirmMember.objects.filter(firm=first.firm).first().user\n"
        "key = api_key_create(firm=first.firm, by=owner, name='mix', scopes=ALL_SCOPES)\n"
        "clusters = list(Cluster.objects.values_list('slug', flat=True))\n"
        "print(json.dumps({'firms': firms, 'clusters': clusters, 'token': key.token}))\n"
    )
    with open(path, "w") as handle:
        json.dump(actors, handle)


def _cpu(pids: dict[str, list[int]]) -> dict[str, float]:
    import psutil

    seconds: dict[str, float] = {}
    for name, group in pids.items():
        total = 0.0
        for pid in group:
            try:
                process = psutil.Process(pid)
                for each in [process, *process.children(recursive=True)]:
                    times = each.cpu_times()
                    total += times.user + times.system
            except psutil.Error:
                continue
        seconds[name] = total
    return seconds


def _run(*, web: int, users: int, seconds: int) -> dict[str, Any]:
    import subprocess
    import sys
    import tempfile

    from tests.topology.platform import Topology

    platform = Topology(web=web, workers=1)
    results: dict[str, Any] = {"web": web}
    try:
        platform.start()
        actors = os.path.join(platform.directory, "actors.json")
        _prepare(platform, actors)
        names = [*platform.web_names, *platform.balancer, "postgres", "redis", "worker"]
        pids = {name: [platform.pid(name)] for name in names}
        before, started = _cpu(pids), time.monotonic()
        prefix = os.path.join(tempfile.mkdtemp(prefix="mix-"), "stats")
        subprocess.run(
            [
                sys.executable, "-m", "locust", "-f", __file__, "--headless", "-u", str(users),
                "-r", str(max(1, users // 5)), "-t", f"{seconds}s", "--host", platform.url,
                "--csv", prefix, "--only-summary", "--loglevel", "WARNING",
            ],
            env={**os.environ, "MIX_ACTORS": actors}, check=False,
        )  # fmt: skip
        wall = time.monotonic() - started
        after = _cpu(pids)
        results["cpu"] = {name: round((after[name] - before[name]) / wall, 2) for name in pids}
        with open(prefix + "_stats.csv") as handle:
            results["rows"] = [
                {
                    "name": row["Name"],
                    "rps": float(row["Requests/s"]),
                    "p50": row["50%"],
                    "p95": row["95%"],
                    "failures": int(row["Failure Count"]),
                    "requests": int(row["Request Count"]),
                }
                for row in csv.DictReader(handle)
            ]
    finally:
        platform.stop()
    return results


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--web", default="1,2")
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--seconds", type=int, default=60)
    options = parser.parse_args()
    for web in [int(value) for value in options.web.split(",")]:
        results = _run(web=web, users=options.users, seconds=options.seconds)
        print(f"\n{web} web process(es), {options.users} users, {options.seconds} s")
        print(f"{'kind':32} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'failed':>7}")
        for row in results["rows"]:
            print(f"{row['name']:32} {row['rps']:7.1f} {row['p50']:>7} {row['p95']:>7} {row['failures']:7d}")
        print("CPU (cores busy): " + ", ".join(f"{name} {value}" for name, value in results["cpu"].items()))
        print(f"machine load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
