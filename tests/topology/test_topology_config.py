"""The topology's programs and HAProxy configuration, without starting them (test_topology.py starts them)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from platform_ import supervision, topology
from platform_.launch import web_processes

needs_haproxy = pytest.mark.skipif(topology.haproxy_binary() is None, reason="apt-get install haproxy (.ci/run does)")


def test_one_web_process_keeps_the_name_and_address_of_make_run(tmp_path: Path) -> None:
    programs = supervision.application_programs(host="localhost", port="8000", directory=tmp_path)
    assert [program.name for program in programs] == ["web", "worker", "beat"]
    assert programs[0].command[programs[0].command.index("--port") + 1] == "8000"
    assert "localhost" in programs[0].command
    assert not (tmp_path / "haproxy.cfg").exists()


@needs_haproxy
def test_several_web_processes_listen_on_the_loopback_behind_a_valid_haproxy(tmp_path: Path) -> None:
    programs = supervision.application_programs(host="127.0.0.1", port="18700", web=3, workers=2, directory=tmp_path)
    names = [program.name for program in programs]
    assert names == ["web-1", "web-2", "web-3", "haproxy", "worker-1", "worker-2", "beat"]
    ports = [int(program.command[program.command.index("--port") + 1]) for program in programs[:3]]
    assert len(set(ports)) == 3
    assert all(port > 18700 for port in ports)
    assert all(program.command[program.command.index("--host") + 1] == "127.0.0.1" for program in programs[:3])
    config = (tmp_path / "haproxy.cfg").read_text()
    assert "bind 127.0.0.1:18700" in config
    for name, port in zip(names, ports, strict=False):
        assert f"server {name} 127.0.0.1:{port} check" in config
    assert "option httpchk GET /readyz" in config
    binary = topology.haproxy_binary()
    assert binary is not None
    checked = subprocess.run([binary, "-c", "-f", str(tmp_path / "haproxy.cfg")], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_web_processes_auto_is_one_per_core_when_haproxy_is_installed() -> None:
    expected = 1 if topology.haproxy_binary() is None else (os.cpu_count() or 1)
    assert web_processes("auto") == expected
    assert web_processes("3") == 3
    with pytest.raises(SystemExit):
        web_processes("0")
    with pytest.raises(SystemExit):
        web_processes("many")
