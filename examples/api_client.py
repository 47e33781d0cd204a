"""A small partner client for the Virtual Clusters API (runs against ``make run``).

    VC_API_KEY=vck_... .venv/bin/python examples/api_client.py

Create the key in the browser: Firms → API keys (as a firm owner or administrator), with at least
``firms:read`` and ``webhooks:write``. The script lists firms page by page (cursor pagination),
registers a webhook endpoint safely under retries (Idempotency-Key), changes it with If-Match,
and shows how a receiver verifies the Webhook-Signature header.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import sys
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx

BASE_URL = os.environ.get("VC_API_URL", "http://127.0.0.1:8000/api/v1/")


def client() -> httpx.Client:
    key = os.environ.get("VC_API_KEY")
    if not key:
        sys.exit("Set VC_API_KEY to a key created under Firms → API keys.")
    return httpx.Client(base_url=BASE_URL, headers={"Authorization": f"Bearer {key}"}, timeout=30)


def raise_for_problem(response: httpx.Response) -> None:
    """Errors are RFC 9457 problem details: show the title, detail and field errors."""
    if response.is_error:
        problem = response.json()
        fields = "; ".join(f"{e['field']}: {e['message']}" for e in problem.get("errors", []))
        raise RuntimeError(f"{response.status_code} {problem['title']}: {problem['detail']} {fields}".strip())


def paginate(api: httpx.Client, path: str, **params: Any) -> Iterator[dict[str, Any]]:
    """Follow the cursor ``next`` links until the last page; retry politely on 429."""
    url: str | None = path
    while url:
        response = api.get(url, params=params if url == path else None)
        if response.status_code == 429:
            time.sleep(int(response.headers.get("Retry-After", "1")))
            continue
        raise_for_problem(response)
        page = response.json()
        yield from page["results"]
        url = page["next"]


def create_endpoint(api: httpx.Client, url: str, events: list[str]) -> dict[str, Any]:
    """POST with an Idempotency-Key: a retry after a timeout returns the first answer, never a duplicate."""
    idempotency_key = str(uuid.uuid4())
    for attempt in range(3):
        try:
            response = api.post(
                "webhooks/endpoints/", json={"url": url, "events": events}, headers={"Idempotency-Key": idempotency_key}
            )
            raise_for_problem(response)
            return response.json()
        except httpx.TransportError:
            time.sleep(2**attempt)
    raise RuntimeError("the API did not answer")


def update_endpoint(api: httpx.Client, endpoint_id: int, **changes: Any) -> dict[str, Any]:
    """Read the ETag, then PATCH with If-Match: if someone changed it meanwhile, the answer is 412."""
    current = api.get(f"webhooks/endpoints/{endpoint_id}/")
    raise_for_problem(current)
    response = api.patch(
        f"webhooks/endpoints/{endpoint_id}/", json=changes, headers={"If-Match": current.headers["ETag"]}
    )
    if response.status_code == 412:
        raise RuntimeError("changed by someone else: read it again and retry")
    raise_for_problem(response)
    return response.json()


def verify_signature(secret: str, body: bytes, header: str, tolerance: int = 300) -> bool:
    """What your webhook receiver does with ``Webhook-Signature: t=<ts>,v1=<hex>``."""
    fields = dict(part.split("=", 1) for part in header.split(","))
    timestamp = int(fields["t"])
    if abs(time.time() - timestamp) > tolerance:
        return False  # too old: a replayed request
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields["v1"])


def main() -> None:
    with client() as api:
        firms = list(paginate(api, "firms/", page_size=100))
        first = (firms[0].get("name") or firms[0].get("name_zh")) if firms else "-"
        print(f"{len(firms)} firms; the first: {first}")
        endpoint = create_endpoint(api, "https://partner.example.com/vc-webhooks", ["asset.published"])
        print(f"endpoint {endpoint['id']} created; keep its secret: {endpoint['secret'][:12]}…")
        updated = update_endpoint(api, endpoint["id"], description="ERP sync")
        print(f"endpoint {updated['id']} now: {updated['description']}")
        body = b'{"event":"asset.published"}'
        ts = int(time.time())
        mac = hmac.new(endpoint["secret"].encode(), f"{ts}.".encode() + body, hashlib.sha256).hexdigest()
        print("signature check:", verify_signature(endpoint["secret"], body, f"t={ts},v1={mac}"))


if __name__ == "__main__":
    main()
