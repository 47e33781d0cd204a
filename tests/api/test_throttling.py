"""Anonymous API calls are throttled per client address; keys and signed-in people keep their own budgets."""

from __future__ import annotations

import secrets

import pytest
from django.test import Client

from tests.api.factories import bearer, issue_key
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
CLUSTERS = "/api/v1/clusters/"


def fresh_address() -> str:
    """A documentation address (RFC 5737) no earlier test has spent a budget from."""
    return f"203.0.{secrets.randbelow(256)}.{secrets.randbelow(254) + 1}"


@pytest.fixture
def small_anonymous_budget(settings):
    settings.API_ANON_RATE = "2/min"


@pytest.mark.usefixtures("small_anonymous_budget")
def test_anonymous_reads_past_the_budget_get_429_problem_with_retry_after(client):
    address = fresh_address()
    assert [client.get(CLUSTERS, REMOTE_ADDR=address).status_code for _ in range(2)] == [200, 200]
    response = client.get(CLUSTERS, REMOTE_ADDR=address)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 429
    assert body["code"] == "throttled"
    assert int(response["Retry-After"]) >= 1


@pytest.mark.usefixtures("small_anonymous_budget")
def test_each_address_has_its_own_budget_and_a_forwarded_header_does_not_reset_it(client):
    address = fresh_address()
    for _ in range(2):
        client.get(CLUSTERS, REMOTE_ADDR=address)
    forged = client.get(CLUSTERS, REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR=fresh_address())
    assert forged.status_code == 429
    assert client.get(CLUSTERS, REMOTE_ADDR=fresh_address()).status_code == 200


@pytest.mark.usefixtures("small_anonymous_budget")
def test_keys_and_signed_in_people_are_not_counted_as_anonymous(client):
    address = fresh_address()
    issued = issue_key(scopes=["clusters:read"])
    for _ in range(3):
        assert client.get(CLUSTERS, REMOTE_ADDR=address, **bearer(issued.token)).status_code == 200
    person = Client()
    person.force_login(UserFactory.create())
    for _ in range(3):
        assert person.get(CLUSTERS, REMOTE_ADDR=address).status_code == 200
    assert client.get(CLUSTERS, REMOTE_ADDR=address).status_code == 200
