"""The deployment files (Dockerfile, compose.yaml, deploy/haproxy.cfg) stay consistent with the code and the
settings: no container runtime runs here, so this reads them and checks what a broken deploy would get wrong
(a service or health check missing, an environment variable the settings never read, a command naming a
module that does not exist, HAProxy balancing other processes than compose starts, a root user, an install
that ignores the lock), and loads the production settings with compose's environment."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
APP_SERVICES = {"web1", "web2", "worker", "beat"}
ONE_SHOT = {"migrate", "s3-bucket"}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def substitute(value: str) -> str:
    """Compose's ``${VAR:-default}`` / ``${VAR:?message}`` with the defaults (a placeholder when required)."""

    def one(m: re.Match[str]) -> str:
        name, op, rest = m.group(1), m.group(2), m.group(3)
        return rest if op == ":-" else f"placeholder-{name.lower()}"

    return re.sub(r"\$\{([A-Z_0-9]+)(:-|:\?)([^}]*)\}", one, value)


def settings_variables() -> set[str]:
    """Every environment variable the settings read."""
    pattern = re.compile(
        r"""(?:environ\.get|environ\[|env_bool|env_list|env_int|env_required)\(?\s*\[?["']([A-Z_0-9]+)["']"""
    )
    names: set[str] = set()
    for path in (ROOT / "platform_" / "settings").glob("*.py"):
        text = path.read_text()
        names |= set(pattern.findall(text))
        for call in re.findall(r"env_required\(([^)]*)\)", text, flags=re.S):
            names |= set(re.findall(r'"([A-Z_0-9]+)"', call))
    return names


def test_the_topology_has_every_service_and_every_long_running_one_a_health_check(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert {"postgres", "redis", "s3", "haproxy", *APP_SERVICES, *ONE_SHOT} <= set(services)
    for name, service in services.items():
        if name in ONE_SHOT:
            assert service.get("restart", "no") == "no"
            continue
        assert service.get("healthcheck", {}).get("test"), f"{name} has no health check"


def test_app_services_share_one_image_and_one_environment_the_settings_read(compose: dict[str, Any]) -> None:
    services = compose["services"]
    envs = [services[name]["environment"] for name in sorted(APP_SERVICES | {"migrate"})]
    assert all(env == envs[0] for env in envs)
    assert {services[name]["image"] for name in APP_SERVICES | {"migrate"}} == {"virtual-clusters:latest"}
    known = settings_variables() | {"DJANGO_SETTINGS_MODULE"}
    unknown = set(envs[0]) - known
    assert not unknown, f"compose sets variables no setting reads: {sorted(unknown)}"
    prod = (ROOT / "platform_" / "settings" / "prod.py").read_text()
    env_required = re.search(r"env_required\(([^)]*)\)", prod, re.S)
    assert env_required is not None
    required = set(re.findall(r'"([A-Z_0-9]+)"', env_required.group(1)))
    assert required <= set(envs[0])
    assert envs[0]["DJANGO_SETTINGS_MODULE"] == "platform_.settings.prod"
    for name in APP_SERVICES:  # the app starts after migrations and the bucket, on healthy servers
        deps = services[name]["depends_on"]
        assert deps["migrate"]["condition"] == "service_completed_successfully"
        assert deps["postgres"]["condition"] == deps["redis"]["condition"] == "service_healthy"


def test_production_settings_loaded_with_composes_environment_name_composes_servers(compose: dict[str, Any]) -> None:
    env = {k: substitute(str(v)) for k, v in compose["x-app"]["environment"].items()}
    code = (
        "import json, django; from django.conf import settings as s; django.setup(); "
        "print(json.dumps({'db': s.DATABASES['default']['HOST'], 'broker': s.CELERY_BROKER_URL, "
        "'storage': s.STORAGES['default'], 'mode': s.FILE_SERVE_MODE, 'map': s.SPILLOVER_MAP_TASKS, "
        "'debug': s.DEBUG}))"
    )
    keep = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**keep, **env}, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr[-3000:]
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    services = compose["services"]
    assert loaded["db"] in services  # postgres
    assert urlsplit(loaded["broker"]).hostname in services  # redis
    assert loaded["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert urlsplit(loaded["storage"]["OPTIONS"]["endpoint_url"]).hostname in services  # s3
    assert loaded["storage"]["OPTIONS"]["bucket_name"] in services["s3-bucket"]["command"][0]
    assert loaded["mode"] == "s3"  # downloads through signed URLs after the check
    assert loaded["map"] >= 1
    assert loaded["debug"] is False


def test_commands_name_modules_that_exist(compose: dict[str, Any]) -> None:
    services = compose["services"]
    for name in ("web1", "web2"):
        command = services[name]["command"]
        assert command[:2] == ["uvicorn", "platform_.asgi:application"]
        assert command[command.index("--port") + 1] == "8000"
    assert re.search(r"^application\b.*=", (ROOT / "platform_" / "asgi.py").read_text(), re.M)
    assert services["worker"]["command"][:4] == ["celery", "-A", "platform_", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "platform_", "beat"]
    assert re.search(r"^app = Celery\(", (ROOT / "platform_" / "celery.py").read_text(), re.M)
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]


def test_haproxy_balances_exactly_the_web_processes_on_a_readiness_probe_the_app_answers(
    compose: dict[str, Any],
) -> None:
    from platform_.health import PROBE_PATHS

    cfg = (ROOT / "deploy" / "haproxy.cfg").read_text()
    servers = re.findall(r"^\s*server\s+(\S+)\s+(\S+):(\d+)\s+check", cfg, re.M)
    webs = {n for n in compose["services"] if n.startswith("web")}
    assert {s[0] for s in servers} == {s[1] for s in servers} == webs
    assert {s[2] for s in servers} == {"8000"}
    httpchk = re.search(r"option httpchk GET (\S+)", cfg)
    assert httpchk is not None
    probe = httpchk.group(1)
    assert probe in PROBE_PATHS
    assert "/haproxy-health" in str(compose["services"]["haproxy"]["healthcheck"]["test"])
    assert re.search(r"monitor-uri /haproxy-health", cfg)
    assert "./deploy/haproxy.cfg:" in compose["services"]["haproxy"]["volumes"][0]


def test_the_image_is_multi_stage_non_root_and_installs_from_the_lock() -> None:
    text = (ROOT / "Dockerfile").read_text()
    stages = re.findall(r"^FROM (\S+)(?: AS (\S+))?", text, re.M)
    assert len(stages) >= 2
    final = text[text.rindex("\nFROM ") :]
    users = re.findall(r"^USER (\S+)", final, re.M)
    assert users
    assert users[-1] not in {"root", "0", "0:0"}
    assert re.search(r"COPY pyproject\.toml uv\.lock", text)
    syncs = re.findall(r"uv sync ([^\n]*)", text)
    assert syncs
    assert all("--locked" in s for s in syncs)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = {e for s in syncs for e in re.findall(r"--extra (\S+)", s)}
    assert extras <= set(project["optional-dependencies"])
    assert "s3" in extras  # compose stores files in object storage
    python = re.search(r"python:(\d+\.\d+)", stages[-1][0])
    requires = re.search(r">=(\d+\.\d+)", project["requires-python"])
    assert python is not None
    assert requires is not None
    version, minimum = python.group(1), requires.group(1)
    assert tuple(map(int, version.split("."))) >= tuple(map(int, minimum.split(".")))
    assert "/healthz" in text
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert ".venv" in ignored
    assert ".local" in ignored
