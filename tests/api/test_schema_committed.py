"""The API schema is a contract: the generated schema equals the committed copy, docs/openapi.json.

A change to the API changes the copy on purpose, in the same commit. To update it after such a change:

    UPDATE_SCHEMA=1 .venv/bin/python -m pytest tests/api/test_schema_committed.py -p no:cacheprovider
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.test import Client

COMMITTED = Path(settings.BASE_DIR) / "docs" / "openapi.json"


def _generated() -> str:
    schema = Client(HTTP_ACCEPT_LANGUAGE="en").get("/api/schema/?format=json").json()
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_generated_schema_equals_the_committed_copy(db: Any) -> None:
    generated = _generated()
    if os.environ.get("UPDATE_SCHEMA") == "1":
        COMMITTED.write_text(generated, encoding="utf-8")
    committed = COMMITTED.read_text(encoding="utf-8") if COMMITTED.exists() else ""
    assert generated == committed, (
        "The API schema changed. If on purpose, update docs/openapi.json with "
        "UPDATE_SCHEMA=1 .venv/bin/python -m pytest tests/api/test_schema_committed.py"
    )
