"""ETag / If-Match: a stale update or delete gets 412 problem details and changes nothing."""

from __future__ import annotations

import pytest

from platform_.api.models import WebhookEndpoint
from tests.api.factories import bearer, endpoint_for, issue_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(client):
    issued = issue_key()
    endpoint = endpoint_for(firm=issued.key.firm, by=issued.key.created_by)
    url = f"/api/v1/webhooks/endpoints/{endpoint.pk}/"
    return client, bearer(issued.token), endpoint, url


def test_detail_carries_an_etag(setup):
    client, auth, _, url = setup
    response = client.get(url, **auth)
    assert response["ETag"].startswith('"')
    assert client.get(url, **auth)["ETag"] == response["ETag"]


def test_update_with_current_etag_succeeds_and_returns_the_new_one(setup):
    client, auth, _endpoint, url = setup
    etag = client.get(url, **auth)["ETag"]
    response = client.patch(url, {"description": "ERP"}, content_type="application/json", HTTP_IF_MATCH=etag, **auth)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response["ETag"] == client.get(url, **auth)["ETag"]


def test_stale_update_gets_412_and_overwrites_nothing(setup):
    client, auth, endpoint, url = setup
    stale = client.get(url, **auth)["ETag"]
    client.patch(url, {"description": "first writer"}, content_type="application/json", **auth)
    response = client.patch(
        url, {"description": "second writer"}, content_type="application/json", HTTP_IF_MATCH=stale, **auth
    )
    assert response.status_code == 412
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "precondition_failed"
    assert WebhookEndpoint.objects.get(pk=endpoint.pk).description == "first writer"


def test_stale_delete_gets_412(setup):
    client, auth, endpoint, url = setup
    stale = client.get(url, **auth)["ETag"]
    client.patch(url, {"active": False}, content_type="application/json", **auth)
    assert client.delete(url, HTTP_IF_MATCH=stale, **auth).status_code == 412
    assert WebhookEndpoint.objects.filter(pk=endpoint.pk).exists()


def test_domain_endpoints_get_etag_and_if_match_without_opting_in(client):
    from platform_.identity.models import Firm

    issued = issue_key()
    auth = bearer(issued.token)
    url = f"/api/v1/firms/{issued.key.firm.pk}/"
    stale = client.get(url, **auth)["ETag"]
    first = client.patch(url, {"city": "宁波"}, content_type="application/json", **auth)
    assert first.status_code == 200, first.content
    second = client.patch(url, {"city": "温州"}, content_type="application/json", HTTP_IF_MATCH=stale, **auth)
    assert second.status_code == 412
    assert Firm.objects.get(pk=issued.key.firm.pk).city == "宁波"
    fresh = client.get(url, **auth)["ETag"]
    assert first["ETag"] == fresh
