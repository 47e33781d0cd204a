"""The schema validates (openapi-spec-validator) and passes the committed Redocly lint (tools/openapi/redocly.yaml).

CI runs only the test suite, so the lint runs here as well as in ``make lint``. Redocly comes from npm
(``make install-dev`` runs ``npm ci`` in tools/openapi): where it is missing the lint test is skipped
on a developer's machine, and fails under CI=true, where a skip would hide a broken contract.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from openapi_spec_validator import validate

TOOLS = Path(settings.BASE_DIR) / "tools" / "openapi"
REDOCLY = TOOLS / "node_modules" / ".bin" / "redocly"


def _schema() -> dict[str, Any]:
    return Client(HTTP_ACCEPT_LANGUAGE="en").get("/api/schema/?format=json").json()


def _redocly_or_skip() -> Path:
    if not REDOCLY.exists():
        message = f"{REDOCLY} is missing: run `make install-dev` (npm ci in tools/openapi)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return REDOCLY


def test_schema_is_valid_openapi(db: Any) -> None:
    validate(_schema())


def test_schema_passes_the_committed_redocly_lint(db: Any, tmp_path: Path) -> None:
    redocly = _redocly_or_skip()
    schema_file = tmp_path / "openapi.json"
    schema_file.write_text(json.dumps(_schema()), encoding="utf-8")
    result = subprocess.run(
        [str(redocly), "lint", str(schema_file), "--config", str(TOOLS / "redocly.yaml"), "--format", "stylish"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_operation_states_its_scope(db: Any) -> None:
    missing = [
        f"{method.upper()} {path}"
        for path, operations in _schema()["paths"].items()
        for method, operation in operations.items()
        if not operation.get("x-required-scopes")
    ]
    assert not missing, f"operations without x-required-scopes (a view without api_resource?): {missing}"


def test_request_bodies_are_json_except_file_uploads(db: Any) -> None:
    schema = _schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            if not content:
                continue
            assert list(content) in (["application/json"], ["multipart/form-data"]), (method, path, list(content))
            if "multipart/form-data" in content:
                ref = content["multipart/form-data"]["schema"]["$ref"].rsplit("/", 1)[-1]
                fields = json.dumps(schema["components"]["schemas"][ref]["properties"])
                assert '"format": "binary"' in fields, (method, path, "multipart without a file")


def test_input_schemas_carry_no_defaults_and_patch_bodies_require_nothing(db: Any) -> None:
    for name, component in _schema()["components"]["schemas"].items():
        if not name.endswith("Request"):
            continue
        for field, prop in component.get("properties", {}).items():
            assert "default" not in prop, (name, field)
            assert all("default" not in option for option in prop.get("oneOf", [])), (name, field)
        if name.startswith("Patched"):
            assert not component.get("required"), name


def test_etag_is_declared_where_it_is_sent(db: Any, client: Any) -> None:
    from tests.api.factories import bearer, endpoint_for, issue_key

    issued = issue_key()
    endpoint = endpoint_for(firm=issued.key.firm, by=issued.key.created_by)
    auth = bearer(issued.token)
    paths = _schema()["paths"]
    for path, url in [
        ("/api/v1/webhooks/endpoints/{id}/", f"/api/v1/webhooks/endpoints/{endpoint.pk}/"),
        ("/api/v1/webhooks/endpoints/", "/api/v1/webhooks/endpoints/"),
        ("/api/v1/assets/", "/api/v1/assets/"),
    ]:
        declared = "ETag" in paths[path]["get"]["responses"]["200"].get("headers", {})
        response = client.get(url, **auth)
        assert response.status_code == 200
        assert ("ETag" in response) == declared, path


def test_the_schema_generates_without_warnings(db: Any, tmp_path: Any) -> None:
    """drf-spectacular warns on what generated clients trip over (two serializers under one component name,
    a field it cannot type): the build fails on any warning."""
    from django.core.management import call_command

    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.json"))


def test_the_schema_holds_no_python_object_reprs(db: Any) -> None:
    """A Python object's repr in the schema (``<property object at 0x…>``) changes on every run and names nothing."""
    text = json.dumps(_schema())
    assert "object at 0x" not in text
