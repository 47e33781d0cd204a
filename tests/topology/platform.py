"""The platform as ``make run WEB=N WORKERS=M`` starts it (tests/faults/platform.py, with the topology's options).

Each web process is also reachable on its own port (``web_url``), HAProxy's answers name the process
that gave them (``X-Served-By``) and its runtime socket tells which process it holds up or down.
"""

from __future__ import annotations

import csv
import io
import re
import socket
import subprocess
import sys
import time
from typing import Any

from platform_ import topology
from tests.faults.platform import ROOT, Platform


class Topology(Platform):
    def __init__(self, *, web: int, workers: int) -> None:
        super().__init__()
        self.web = web
        self.workers = workers
        self.web_names = topology.web_names(web)  # one web process: `web`, without HAProxy
        self.worker_names = topology.worker_names(workers)
        self.balancer = ["haproxy"] if web > 1 else []

    def start(self, timeout: float = 300) -> None:
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable, "-m", "platform_.launch", "--port", str(self.port),
                    "--web", str(self.web), "--workers", str(self.workers),
                ],
                cwd=ROOT, env=self.environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + timeout
        for program in [*self.web_names, *self.balancer, *self.worker_names, "beat"]:
            self.wait_running(program, timeout=max(1.0, deadline - time.monotonic()))
        while not (self.ready() and all(self.backend_up(name) for name in self.web_names if self.balancer)):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the topology did not start:\n" + self.log_tail())
            time.sleep(0.5)

    def pid(self, program: str) -> int:
        """0 while supervisord is not up yet (its control socket does not exist) or the program not started."""
        answer = self.ctl("pid", program).strip()
        return int(answer) if answer.isdigit() else 0

    def web_url(self, name: str) -> str:
        """One web process, without the balancer (its port is in HAProxy's configuration)."""
        config = (self.directory / "supervisor" / "haproxy.cfg").read_text()
        port = re.search(rf"server {re.escape(name)} 127\.0\.0\.1:(\d+)", config)
        assert port is not None, config
        return f"http://127.0.0.1:{port.group(1)}"

    def haproxy(self, command: str) -> str:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.connect(str(self.directory / "supervisor" / "haproxy.sock"))
            connection.sendall(command.encode() + b"\n")
            chunks = []
            while chunk := connection.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def backend_stat(self, name: str) -> dict[str, str]:
        """HAProxy's ``show stat`` row of one web process (status UP/DOWN, chkdown: times it went down)."""
        rows = csv.DictReader(io.StringIO(self.haproxy("show stat").lstrip("# ")))
        for row in rows:
            if row["pxname"] == "web" and row["svname"] == name:
                return row
        raise AssertionError(f"no HAProxy server {name}")

    def backend_up(self, name: str) -> bool:
        try:
            return self.backend_stat(name)["status"].startswith("UP")
        except OSError:
            return False

    def actors(self) -> dict[str, Any]:
        """The moderator's session, room, firm and API key (tests/faults), and a second member's session."""
        first = super().actors()
        second = self.django(
            "import json\n"
            "from django.test import Client\n"
            "from clusters.models import ClusterMembership\n"
            "from platform_.identity.models import FirmMember, User\n"
            f"cluster = {first['cluster']}\n"
            "owner = User.objects.get(email='owner@hangzhou-textile.demo.vc')\n"
            "firms = ClusterMembership.objects.filter(cluster_id=cluster, status='active').values('firm')\n"
            "other = (FirmMember.objects.filter(firm__in=firms).exclude(user=owner)"
            ".select_related('user', 'firm').order_by('pk').first())\n"
            "client = Client(); client.force_login(other.user)\n"
            "mine = ClusterMembership.objects.filter(cluster_id=cluster, firm__members__user=owner).first()\n"
            "print(json.dumps({'other_session': client.cookies['sessionid'].value, 'other_id': other.user.pk,"
            " 'firm': mine.firm_id, 'owner_id': owner.pk}))\n"
        )
        return {**first, **second}
