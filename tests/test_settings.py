"""Production settings pass Django's deployment checks, and static files are served by WhiteNoise."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.http import StreamingHttpResponse
from django.test import Client, override_settings

ROOT = Path(__file__).resolve().parent.parent


def test_check_deploy_is_clean_with_production_settings() -> None:
    # DATABASE_URL and REDIS_URL come from the environment (set by the caller or by devservices).
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "platform_.settings.prod", "SECRET_KEY": secrets.token_urlsafe(64)}
    for test_only in ("DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"):  # set for the test run, never in deployment
        env.pop(test_only, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "platform_.settings.prod"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_the_stylesheet_is_found_among_the_static_files() -> None:
    assert finders.find("css/app.css")


@pytest.mark.django_db
def test_whitenoise_serves_collected_static_files(tmp_path: Path) -> None:
    with override_settings(STATIC_ROOT=tmp_path):
        call_command("collectstatic", "--noinput", verbosity=0)
        response = Client().get("/static/css/app.css")  # a new client builds the middleware afresh
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/css")
        assert isinstance(response, StreamingHttpResponse)
        assert b"".join(response.streaming_content) == (ROOT / "static" / "css" / "app.css").read_bytes()


def test_django_guards_orm_calls_from_async_code_outside_the_browser_tests() -> None:
    # Only the browser fixture (tests/conftest.py) lifts the guard, while Playwright's loop runs.
    assert "DJANGO_ALLOW_ASYNC_UNSAFE" not in os.environ
