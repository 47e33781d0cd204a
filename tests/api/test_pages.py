"""Firm administrators' pages: keys shown once and revocable, webhooks with a delivery log and replay."""

from __future__ import annotations

import pytest

from platform_ import events
from platform_.api.keys import key_from_token
from platform_.api.models import ApiKey, WebhookDelivery, WebhookEndpoint
from tests.api.factories import endpoint_for
from tests.factories import FirmMemberFactory, firm_with_owner

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner_client(client):
    firm, owner = firm_with_owner()
    client.force_login(owner)
    return client, firm, owner


def test_created_key_is_shown_once_and_works(owner_client):
    client, firm, _ = owner_client
    response = client.post("/firms/api-keys/", {"name": "ERP", "scope_assets": "read", "scope_webhooks": "write"})
    assert response.status_code == 200
    token = response.context["issued"].token
    assert token in response.content.decode()
    key = key_from_token(token)
    assert key is not None
    assert (key.firm, key.scopes) == (firm, ["assets:read", "webhooks:write"])
    assert token not in client.get("/firms/api-keys/").content.decode()


def test_key_without_scopes_is_refused(owner_client):
    client, _, _ = owner_client
    response = client.post("/firms/api-keys/", {"name": "Nothing"})
    assert response.context["form"].errors
    assert not ApiKey.objects.exists()


def test_revoke_from_the_page(owner_client):
    client, _, _ = owner_client
    token = client.post("/firms/api-keys/", {"name": "ERP", "scope_assets": "read"}).context["issued"].token
    key = ApiKey.objects.get()
    client.post(f"/firms/api-keys/{key.pk}/revoke/")
    assert key_from_token(token) is None


def test_plain_members_cannot_open_the_pages(client):
    member = FirmMemberFactory.create(role="member")
    client.force_login(member.user)
    assert client.get("/firms/api-keys/").status_code == 403
    assert client.get("/firms/webhooks/").status_code == 403


def test_another_firms_key_cannot_be_revoked(owner_client):
    client, _, _ = owner_client
    other_firm, other_owner = firm_with_owner()
    from tests.api.factories import issue_key

    theirs = issue_key(firm=other_firm, by=other_owner)
    assert client.post(f"/firms/api-keys/{theirs.key.pk}/revoke/").status_code == 404
    assert key_from_token(theirs.token) is not None


def test_add_endpoint_then_see_log_and_replay(owner_client):
    client, firm, _ = owner_client
    response = client.post("/firms/webhooks/", {"url": "https://erp.example.test/hook", "events": ["asset.published"]})
    endpoint = WebhookEndpoint.objects.get()
    assert response.status_code == 302
    events.dispatch("asset.published", {"asset_id": 4, "audience_firm_ids": [firm.pk]})
    page = client.get(f"/firms/webhooks/{endpoint.pk}/")
    assert "asset.published" in page.content.decode()
    delivery = WebhookDelivery.objects.get()
    client.post(f"/firms/webhooks/deliveries/{delivery.pk}/replay/")
    assert WebhookDelivery.objects.filter(replay_of=delivery).count() == 1


def test_another_firms_endpoint_is_not_found(owner_client):
    client, _, _ = owner_client
    other_firm, other_owner = firm_with_owner()
    theirs = endpoint_for(firm=other_firm, by=other_owner)
    assert client.get(f"/firms/webhooks/{theirs.pk}/").status_code == 404


def test_pages_speak_chinese(owner_client):
    client, _, _ = owner_client
    page = client.get("/firms/api-keys/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "新建密钥" in page
    assert "吊销" in page or "还没有密钥" in page
