"""API keys: a key does exactly what its scopes allow, for its own firm only, until revoked or expired."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from platform_.api import call_log
from platform_.api.keys import api_key_revoke
from platform_.api.models import ApiCall, ApiKey, WebhookEndpoint
from tests.api.factories import bearer, endpoint_for, issue_key
from tests.factories import firm_with_owner

pytestmark = pytest.mark.django_db
ENDPOINTS = "/api/v1/webhooks/endpoints/"
NEW = {"url": "https://partner.example.test/in", "events": ["asset.published"]}


def test_read_scope_lists_the_firms_endpoints(client):
    issued = issue_key(scopes=["webhooks:read"])
    endpoint_for(firm=issued.key.firm, by=issued.key.created_by)
    response = client.get(ENDPOINTS, **bearer(issued.token))
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


def test_read_scope_cannot_write(client):
    issued = issue_key(scopes=["webhooks:read"])
    response = client.post(ENDPOINTS, NEW, content_type="application/json", **bearer(issued.token))
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "insufficient_scope"
    assert not WebhookEndpoint.objects.exists()


def test_write_scope_creates(client):
    issued = issue_key(scopes=["webhooks:write"])
    response = client.post(ENDPOINTS, NEW, content_type="application/json", **bearer(issued.token))
    assert response.status_code == 201
    assert response.json()["secret"].startswith("whsec_")
    assert WebhookEndpoint.objects.get().firm == issued.key.firm


def test_key_without_the_resource_scope_is_refused(client):
    issued = issue_key(scopes=["assets:read", "assets:write"])
    assert client.get(ENDPOINTS, **bearer(issued.token)).status_code == 403


def test_x_api_key_header_works_too(client):
    issued = issue_key(scopes=["webhooks:read"])
    assert client.get(ENDPOINTS, HTTP_X_API_KEY=issued.token).status_code == 200


def test_key_never_sees_another_firms_endpoint(client):
    issued = issue_key()
    other_firm, other_owner = firm_with_owner()
    theirs = endpoint_for(firm=other_firm, by=other_owner)
    listed = client.get(ENDPOINTS, **bearer(issued.token)).json()["results"]
    assert listed == []
    detail = client.get(f"{ENDPOINTS}{theirs.pk}/", **bearer(issued.token))
    assert detail.status_code == 404
    deleted = client.delete(f"{ENDPOINTS}{theirs.pk}/", **bearer(issued.token))
    assert deleted.status_code == 404
    assert WebhookEndpoint.objects.filter(pk=theirs.pk).exists()


def test_revoked_key_is_refused_at_once(client):
    issued = issue_key()
    assert client.get(ENDPOINTS, **bearer(issued.token)).status_code == 200
    api_key_revoke(key=issued.key, by=issued.key.created_by)
    response = client.get(ENDPOINTS, **bearer(issued.token))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_expired_key_is_refused(client):
    issued = issue_key()
    ApiKey.objects.filter(pk=issued.key.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(ENDPOINTS, **bearer(issued.token)).status_code == 401


def test_wrong_secret_is_refused(client):
    issued = issue_key()
    assert client.get(ENDPOINTS, **bearer(issued.token[:-2] + "xx")).status_code == 401


def test_throttled_key_gets_429_with_retry_after(client):
    issued = issue_key(rate_limit="2/min")
    for _ in range(2):
        assert client.get(ENDPOINTS, **bearer(issued.token)).status_code == 200
    response = client.get(ENDPOINTS, **bearer(issued.token))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0


def test_each_call_is_logged_with_key_endpoint_and_status(client):
    issued = issue_key(scopes=["webhooks:read"])
    client.get(ENDPOINTS, **bearer(issued.token))
    client.post(ENDPOINTS, NEW, content_type="application/json", **bearer(issued.token))
    assert call_log.flush() == 2  # the beat task's work: the calls wait in Redis until then
    calls = list(ApiCall.objects.order_by("at").values_list("key_id", "method", "endpoint", "status"))
    assert calls == [(issued.key.pk, "GET", ENDPOINTS, 200), (issued.key.pk, "POST", ENDPOINTS, 403)]
    issued.key.refresh_from_db()
    assert issued.key.last_used_at is not None


def test_only_firm_managers_create_keys():
    from platform_.errors import NotAllowed
    from tests.factories import FirmMemberFactory

    member = FirmMemberFactory.create(role="member")
    with pytest.raises(NotAllowed):
        issue_key(firm=member.firm, by=member.user)


def test_secret_is_stored_hashed():
    issued = issue_key()
    secret = issued.token.split("_", 2)[2]  # as key_from_token reads it: the secret may itself hold "_"
    stored = ApiKey.objects.get(pk=issued.key.pk)
    assert secret not in stored.hashed_secret
    assert len(stored.hashed_secret) == 64


def test_a_refused_call_spends_nothing_and_the_budget_comes_back(client):
    import time

    issued = issue_key(rate_limit="2/s")
    assert [client.get(ENDPOINTS, **bearer(issued.token)).status_code for _ in range(2)] == [200, 200]
    refused = [client.get(ENDPOINTS, **bearer(issued.token)) for _ in range(3)]
    assert [response.status_code for response in refused] == [429, 429, 429]
    assert {response["Retry-After"] for response in refused} == {"1"}
    time.sleep(1.1)  # the two accepted calls leave the window; the refused ones were never in it
    assert [client.get(ENDPOINTS, **bearer(issued.token)).status_code for _ in range(3)] == [200, 200, 429]


def test_each_key_has_its_own_budget(client):
    first, second = issue_key(rate_limit="1/min"), issue_key(rate_limit="1/min")
    assert client.get(ENDPOINTS, **bearer(first.token)).status_code == 200
    assert client.get(ENDPOINTS, **bearer(first.token)).status_code == 429
    assert client.get(ENDPOINTS, **bearer(second.token)).status_code == 200
