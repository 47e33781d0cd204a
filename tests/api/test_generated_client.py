"""A client generated from the current schema (openapi-python-client) runs docs/api.md's flows against a live server.

The client is generated afresh from the schema the application serves now, into a temporary folder,
with the command and configuration docs/api.md gives; examples/client_flows.py then runs each flow
through it over HTTP (pytest-django's live_server): every write goes out as the generated code sends it.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from knowledge.models import Asset
from platform_.api.models import DeliveryStatus, WebhookDelivery
from platform_.api.webhooks import sign
from platform_.identity.models import Firm
from tests.api.factories import endpoint_for, issue_key
from tests.factories import ClusterFactory, active_member

EXAMPLES = Path(settings.BASE_DIR) / "examples"
GENERATOR = Path(sys.executable).parent / "openapi-python-client"

pytestmark = pytest.mark.slow


@pytest.fixture
def flows(tmp_path: Path, transactional_db: Any) -> Iterator[ModuleType]:
    """examples/client_flows.py importing a vc_client generated now from the served schema."""
    schema = tmp_path / "openapi.json"
    schema.write_text(json.dumps(Client().get("/api/schema/?format=json").json()), encoding="utf-8")
    generated = subprocess.run(
        [
            str(GENERATOR),
            "generate",
            "--path",
            str(schema),
            "--config",
            str(EXAMPLES / "openapi-python-client.yaml"),
            "--meta",
            "none",
            "--output-path",
            str(tmp_path / "vc_client"),
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert generated.returncode == 0, generated.stdout + generated.stderr
    stale = [name for name in sys.modules if name == "vc_client" or name.startswith("vc_client.")]
    for name in stale:
        del sys.modules[name]
    sys.path.insert(0, str(tmp_path))
    try:
        spec = importlib.util.spec_from_file_location("client_flows_under_test", EXAMPLES / "client_flows.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("client_flows_under_test", None)
        for name in [name for name in sys.modules if name == "vc_client" or name.startswith("vc_client.")]:
            del sys.modules[name]


def test_generated_client_runs_the_documented_flows(flows: ModuleType, live_server: Any) -> None:
    cluster = ClusterFactory.create()
    firm, owner = active_member(cluster, province="33")
    for _ in range(2):
        active_member(cluster, province="44")
    endpoint = endpoint_for(firm=firm, by=owner)
    WebhookDelivery.objects.create(
        endpoint=endpoint, event="asset.published", payload={"asset_id": 1}, status=DeliveryStatus.DEAD
    )
    token = issue_key(firm=firm, by=owner, rate_limit="1000000/min").token

    with flows.connect(live_server.url, token) as api:
        # List with a cursor: pages of one firm each, followed to the end.
        listed = [found.id for found in flows.firms_all(api, page_size=1)]
        assert sorted(listed) == sorted(Firm.objects.values_list("pk", flat=True))
        assert len(listed) >= 3
        # Filter.
        in_zhejiang = sorted(found.id for found in flows.firms_in_province(api, "33"))
        assert firm.pk in in_zhejiang
        assert in_zhejiang == sorted(Firm.objects.filter(province="33").values_list("pk", flat=True))
        assert Firm.objects.exclude(province="33").exists()

        # Create with an Idempotency-Key and a retry: one asset, the same answer, marked as replayed.
        first, retry = flows.asset_create_with_retry(api, "Client asset")
        assert retry.asset.id == first.asset.id
        assert (first.replayed, retry.replayed) == (False, True)
        assert Asset.objects.filter(title_en="Client asset").count() == 1
        asset = Asset.objects.get(pk=first.asset.id)
        assert asset.summary_en == "Made by examples/client_flows.py"

        # Read the ETag, update with If-Match (only the field sent changes), then a stale If-Match: 412.
        etag = flows.asset_etag(api, asset.pk)
        status, updated, new_etag = flows.asset_update_if_unchanged(api, asset.pk, etag, title_en="Edited")
        assert status == 200
        assert updated.title_en == "Edited"
        assert new_etag
        assert new_etag != etag
        asset.refresh_from_db()
        assert (asset.title_en, asset.summary_en) == ("Edited", "Made by examples/client_flows.py")
        status, problem, _ = flows.asset_update_if_unchanged(api, asset.pk, etag, title_en="Stale")
        assert status == 412
        assert problem.code == "precondition_failed"
        asset.refresh_from_db()
        assert asset.title_en == "Edited"

        # Upload a version (multipart).
        version = flows.asset_version_upload(api, asset.pk, "notes.txt", b"Client notes")
        assert version.number == 1
        assert asset.versions.count() == 1

        # The webhook delivery log, filtered by status.
        dead = flows.deliveries(api, status="dead")
        assert [delivery.endpoint for delivery in dead] == [endpoint.pk]
        assert flows.deliveries(api, status="delivered") == []

    # Verify a webhook signature made as the platform makes it.
    body = b'{"event":"asset.published","id":1}'
    now = int(time.time())
    header = sign(secret=endpoint.secret, body=body, timestamp=now)
    assert flows.verify_signature(endpoint.secret, body, header)
    assert not flows.verify_signature(endpoint.secret, body + b" ", header)
    assert not flows.verify_signature("whsec_other", body, header)
    assert not flows.verify_signature(
        endpoint.secret, body, sign(secret=endpoint.secret, body=body, timestamp=now - 600)
    )
