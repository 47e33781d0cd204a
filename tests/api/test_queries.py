"""Query count per API request stays constant as rows grow (and the key costs a fixed few queries)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from platform_.api.models import WebhookDelivery
from tests.api.factories import bearer, endpoint_for, issue_key

pytestmark = pytest.mark.django_db


def _queries(client, url: str, token: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, **bearer(token)).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/api/v1/webhooks/endpoints/", "/api/v1/webhooks/deliveries/"])
def test_list_queries_do_not_grow_with_rows(client, url):
    issued = issue_key(rate_limit="100000/min")
    firm, owner = issued.key.firm, issued.key.created_by
    endpoint = endpoint_for(firm=firm, by=owner)
    WebhookDelivery.objects.create(endpoint=endpoint, event="asset.published", payload={})
    _queries(client, url, issued.token)  # the first call also stamps last_used_at
    few = _queries(client, url, issued.token)
    for _ in range(30):
        endpoint_for(firm=firm, by=owner)
    WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(endpoint=endpoint, event="asset.published", payload={"n": n}) for n in range(60)]
    )
    assert _queries(client, url, issued.token) == few


def test_key_authentication_and_call_log_cost_a_fixed_budget(client):
    issued = issue_key(rate_limit="100000/min")
    client.get("/api/v1/webhooks/endpoints/", **bearer(issued.token))  # last_used_at now fresh
    # key lookup (1) + list (1) + call log insert (1); savepoints of the test transaction excluded
    with CaptureQueriesContext(connection) as captured:
        client.get("/api/v1/webhooks/endpoints/", **bearer(issued.token))
    statements = [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) <= 3, statements
