"""The flows of docs/api.md through the client generated from the schema (examples/vc_client).

    VC_API_KEY=vck_... .venv/bin/python examples/client_flows.py      # against `make run`

Regenerate the client after the API changes (docs/api.md, "Generating a client"):

    .venv/bin/openapi-python-client generate --path docs/openapi.json \\
        --config examples/openapi-python-client.yaml --meta none --output-path examples/vc_client --overwrite

The key needs `firms:read`, `assets:write` and `webhooks:read`. Each flow is a function, so that
tests/api/test_generated_client.py runs them against a live test server with a freshly generated client.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import parse_qs, urlparse

import httpx
from vc_client import AuthenticatedClient
from vc_client.api.assets import assets_create, assets_partial_update, assets_retrieve, assets_versions_create
from vc_client.api.firms import firms_list
from vc_client.api.webhooks import webhooks_deliveries_list
from vc_client.models import (
    AccessLevelEnum,
    AssetCreateInRequest,
    AssetKindEnum,
    AssetOut,
    FirmOut,
    LicenceEnum,
    PaginatedFirmOutList,
    PaginatedWebhookDeliveryOutputList,
    PatchedAssetUpdateInRequest,
    Problem,
    VersionInRequest,
    VersionOut,
    WebhookDeliveryOutput,
)
from vc_client.models.firms_list_province import FirmsListProvince
from vc_client.models.webhooks_deliveries_list_status import WebhooksDeliveriesListStatus
from vc_client.types import UNSET, File, Unset


def connect(base_url: str, key: str) -> AuthenticatedClient:
    """``base_url`` is the site's root (the schema's paths start with /api/v1/)."""
    return AuthenticatedClient(base_url=base_url, token=key, timeout=httpx.Timeout(30))  # Authorization: Bearer <key>


def _cursor(next_url: str | Unset | None) -> str | None:
    """The cursor of a ``next`` link (follow it as given: never build a cursor yourself)."""
    if not isinstance(next_url, str):
        return None
    return parse_qs(urlparse(next_url).query)["cursor"][0]


def firms_all(api: AuthenticatedClient, *, page_size: int = 50) -> Iterator[FirmOut]:
    """List with a cursor: follow ``next`` until it is null."""
    cursor: str | Unset = UNSET
    while True:
        page = firms_list.sync(client=api, cursor=cursor, page_size=page_size)
        if not isinstance(page, PaginatedFirmOutList):
            raise RuntimeError(f"listing firms failed: {page}")
        yield from page.results
        following = _cursor(page.next_)
        if following is None:
            return
        cursor = following


def firms_in_province(api: AuthenticatedClient, province: str) -> list[FirmOut]:
    """Filter: the schema lists each list's filters, and the generated client types them."""
    page = firms_list.sync(client=api, province=FirmsListProvince(province))
    if not isinstance(page, PaginatedFirmOutList):
        raise RuntimeError(f"filtering firms failed: {page}")
    return page.results


@dataclass
class Created:
    asset: AssetOut
    replayed: bool  # the retry got the first answer back (Idempotent-Replayed: true)


def asset_create_with_retry(api: AuthenticatedClient, title: str) -> tuple[Created, Created]:
    """Create with an Idempotency-Key, then retry with the same key: one asset, the same answer twice."""
    key = str(uuid.uuid4())
    body = AssetCreateInRequest(
        title_en=title,
        summary_en="Made by examples/client_flows.py",
        kind=AssetKindEnum.DOCUMENT,
        licence=LicenceEnum.CC_BY,
        access_level=AccessLevelEnum.PRIVATE,
    )
    answers = []
    for _attempt in range(2):  # the second call stands for a retry after a timeout
        response = assets_create.sync_detailed(client=api, body=body, idempotency_key=key)
        if response.status_code != HTTPStatus.CREATED or not isinstance(response.parsed, AssetOut):
            raise RuntimeError(f"creating the asset failed: {response.status_code} {response.content!r}")
        answers.append(Created(response.parsed, response.headers.get("Idempotent-Replayed") == "true"))
    return answers[0], answers[1]


def asset_etag(api: AuthenticatedClient, asset_id: int) -> str:
    """Read an object's ETag (detail responses and updates carry one)."""
    response = assets_retrieve.sync_detailed(id=str(asset_id), client=api)
    if response.status_code != HTTPStatus.OK:
        raise RuntimeError(f"reading the asset failed: {response.status_code} {response.content!r}")
    return response.headers["ETag"]


def asset_update_if_unchanged(
    api: AuthenticatedClient, asset_id: int, etag: str, *, title_en: str
) -> tuple[HTTPStatus, AssetOut | Problem | None, str | None]:
    """PATCH with If-Match: only the fields given change; a stale ETag is a 412 and changes nothing."""
    response = assets_partial_update.sync_detailed(
        id=str(asset_id), client=api, body=PatchedAssetUpdateInRequest(title_en=title_en), if_match=etag
    )
    return response.status_code, response.parsed, response.headers.get("ETag")


def asset_version_upload(api: AuthenticatedClient, asset_id: int, name: str, content: bytes) -> VersionOut:
    """Upload a version: the one multipart operation of the flow."""
    body = VersionInRequest(file=File(payload=io.BytesIO(content), file_name=name, mime_type="text/plain"))
    response = assets_versions_create.sync_detailed(id=str(asset_id), client=api, body=body)
    if not isinstance(response.parsed, VersionOut):
        raise RuntimeError(f"uploading failed: {response.status_code} {response.content!r}")
    return response.parsed


def deliveries(api: AuthenticatedClient, *, status: str | None = None) -> list[WebhookDeliveryOutput]:
    """The webhook delivery log of the key's firm, optionally by status (e.g. dead)."""
    found: list[WebhookDeliveryOutput] = []
    cursor: str | Unset = UNSET
    while True:
        page = webhooks_deliveries_list.sync(
            client=api, cursor=cursor, status=WebhooksDeliveriesListStatus(status) if status else UNSET
        )
        if not isinstance(page, PaginatedWebhookDeliveryOutputList):
            raise RuntimeError(f"listing deliveries failed: {page}")
        found.extend(page.results)
        following = _cursor(page.next_)
        if following is None:
            return found
        cursor = following


def verify_signature(secret: str, body: bytes, header: str, *, tolerance: int = 300, now: float | None = None) -> bool:
    """A receiver's check of Webhook-Signature: HMAC-SHA256 of "<t>.<raw body>", and a recent t."""
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs((time.time() if now is None else now) - timestamp) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields.get("v1", ""))


def main() -> None:
    key = os.environ.get("VC_API_KEY")
    if not key:
        sys.exit("Set VC_API_KEY to a key created under Firms → API keys.")
    api = connect(os.environ.get("VC_API_URL", "http://127.0.0.1:8000"), key)
    with api:
        print("firms:", sum(1 for _ in firms_all(api, page_size=20)))
        print("firms in Zhejiang:", len(firms_in_province(api, "33")))
        first, retry = asset_create_with_retry(api, "Example asset")
        print(
            "created asset",
            first.asset.id,
            "retry replayed:",
            retry.replayed,
            "same:",
            retry.asset.id == first.asset.id,
        )
        etag = asset_etag(api, first.asset.id)
        status, _, new_etag = asset_update_if_unchanged(api, first.asset.id, etag, title_en="Example asset, edited")
        print("update with If-Match:", status, "new ETag:", new_etag)
        stale, _, _ = asset_update_if_unchanged(api, first.asset.id, etag, title_en="A stale edit")
        print("update with a stale ETag:", stale)
        version = asset_version_upload(api, first.asset.id, "notes.txt", b"Example notes")
        print("uploaded version", version.number)
        print("dead deliveries:", len(deliveries(api, status="dead")))


if __name__ == "__main__":
    main()
