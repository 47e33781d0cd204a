"""Settings never start servers; production refuses to start without its URLs; the test wrapper (and the
launcher) stops only the embedded servers it started, never one another command is using."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from platform_.devservices import redis_answers

ROOT = Path(__file__).resolve().parent.parent.parent
SETUP = "import django; django.setup(); print('configured')"


def environment(local: Path, **values: str) -> dict[str, str]:
    """This process's environment without the servers' URLs, with the embedded servers' home in ``local``."""
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY"}}
    return {**env, "PLATFORM_LOCAL_DIR": str(local), "PYTHONPATH": str(ROOT), **values}


def python(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def redis_port(local: Path) -> int:
    return int((local / "redis" / "port").read_text())


@contextlib.contextmanager
def redis_cleanup(local: Path):
    try:
        yield
    finally:
        pid_file = local / "redis" / "redis.pid"
        if pid_file.exists():
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)


def test_production_settings_without_urls_refuse_naming_them_and_start_nothing(tmp_path: Path) -> None:
    env = environment(
        tmp_path / "local", DJANGO_SETTINGS_MODULE="platform_.settings.prod", SECRET_KEY=secrets.token_urlsafe(64)
    )
    result = python("-c", SETUP, env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DATABASE_URL" in result.stderr
    assert "REDIS_URL" in result.stderr
    assert not (tmp_path / "local").exists()


def test_production_settings_name_the_secret_key_too(tmp_path: Path) -> None:
    result = python("-c", SETUP, env=environment(tmp_path / "local", DJANGO_SETTINGS_MODULE="platform_.settings.prod"))
    assert result.returncode != 0
    assert "SECRET_KEY, DATABASE_URL, REDIS_URL" in result.stderr


@pytest.mark.parametrize("module", ["platform_.settings.dev", "platform_.settings.test"])
def test_development_settings_without_urls_refuse_and_say_how_to_get_them(tmp_path: Path, module: str) -> None:
    result = python("-c", SETUP, env=environment(tmp_path / "local", DJANGO_SETTINGS_MODULE=module))
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
    assert "REDIS_URL" in result.stderr
    assert "make run" in result.stderr
    assert "python -m platform_.devservices run" in result.stderr
    assert not (tmp_path / "local").exists()


@pytest.mark.parametrize("module", ["platform_.settings.dev", "platform_.settings.test", "platform_.settings.offline"])
def test_loading_settings_with_urls_starts_no_server(tmp_path: Path, module: str) -> None:
    env = environment(
        tmp_path / "local",
        DJANGO_SETTINGS_MODULE=module,
        DATABASE_URL=os.environ["DATABASE_URL"],
        REDIS_URL=os.environ["REDIS_URL"],
    )
    if module == "platform_.settings.offline":  # what make typecheck and make messages load: no URLs at all
        env.pop("DATABASE_URL")
        env.pop("REDIS_URL")
    result = python("-c", SETUP, env=env)
    assert result.returncode == 0, result.stderr
    assert "configured" in result.stdout
    assert not (tmp_path / "local").exists()


def test_the_wrapper_reuses_and_leaves_running_a_server_another_command_started(tmp_path: Path) -> None:
    """``make run`` holds the embedded Redis; ``make test`` beside it reuses it and leaves it running."""
    local = tmp_path / "local"
    # The database URL is given, so only Redis is embedded here (the same rule holds for PostgreSQL).
    env = environment(local, DATABASE_URL=os.environ["DATABASE_URL"])
    with redis_cleanup(local):
        holder = subprocess.Popen(  # stands for make run: a long command under the wrapper
            [
                sys.executable,
                "-m",
                "platform_.devservices",
                "run",
                sys.executable,
                "-c",
                "import time; time.sleep(120)",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            deadline = time.monotonic() + 60
            while not ((local / "redis" / "port").exists() and redis_answers(redis_port(local))):
                assert holder.poll() is None, "the first wrapper ended early"
                assert time.monotonic() < deadline, "the first wrapper did not start Redis"
                time.sleep(0.1)
            port = redis_port(local)

            beside = python(  # stands for make test in the same checkout
                "-m",
                "platform_.devservices",
                "run",
                sys.executable,
                "-c",
                "import os; print(os.environ['REDIS_URL'])",
                env=env,
            )
            assert beside.returncode == 0, beside.stderr
            assert beside.stdout.strip() == f"redis://127.0.0.1:{port}/0"
            assert redis_answers(port), "the second wrapper stopped a server the first one is using"
        finally:
            holder.send_signal(signal.SIGTERM)
            holder.wait(timeout=30)
        # The first wrapper started it and was the last to use it: it stops it.
        deadline = time.monotonic() + 10
        while redis_answers(port) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not redis_answers(port)


def test_the_wrapper_never_stops_a_server_it_did_not_start(tmp_path: Path) -> None:
    local = tmp_path / "local"
    env = environment(local, DATABASE_URL=os.environ["DATABASE_URL"])
    with redis_cleanup(local):
        started = python("-c", "from platform_ import devservices; print(devservices.redis_url())", env=env)
        assert started.returncode == 0, started.stderr
        port = redis_port(local)
        result = python("-m", "platform_.devservices", "run", sys.executable, "-c", "pass", env=env)
        assert result.returncode == 0, result.stderr
        assert redis_answers(port)
