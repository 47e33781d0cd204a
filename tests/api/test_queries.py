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
    _queries(client, url, issued.token)  # warm up
    few = _queries(client, url, issued.token)
    for _ in range(30):
        endpoint_for(firm=firm, by=owner)
    WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(endpoint=endpoint, event="asset.published", payload={"n": n}) for n in range(60)]
    )
    assert _queries(client, url, issued.token) == few


def test_key_authentication_and_call_log_cost_a_fixed_budget(client):
    issued = issue_key(rate_limit="100000/min")
    # key lookup (1) + list (1): the call log goes to Redis and last_used_at is set by its flush;
    # savepoints of the test transaction excluded
    with CaptureQueriesContext(connection) as captured:
        client.get("/api/v1/webhooks/endpoints/", **bearer(issued.token))
    statements = [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) == 2, statements


def test_the_key_lookup_loads_what_select_related_loads():
    from django.forms.models import model_to_dict

    from platform_.api.keys import key_with_firm_and_creator
    from platform_.api.models import ApiKey

    issued = issue_key(scopes=["firms:read"], rate_limit="5/min")
    with CaptureQueriesContext(connection) as captured:
        key = key_with_firm_and_creator(issued.key.prefix)
        assert key is not None
        firm, creator = key.firm, key.created_by
    assert len(captured) == 1
    expected = ApiKey.objects.select_related("firm", "created_by").get(pk=issued.key.pk)
    assert model_to_dict(key) == model_to_dict(expected)
    assert key.scopes == ["firms:read"]
    assert key.created_at == expected.created_at
    assert model_to_dict(firm) == model_to_dict(expected.firm)
    assert model_to_dict(creator, exclude=["groups", "user_permissions"]) == model_to_dict(
        expected.created_by, exclude=["groups", "user_permissions"]
    )
    assert key_with_firm_and_creator("no-such-prefix") is None


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        # key (1) + page (1) + the page's sectors, capabilities and needs (1)
        ("/api/v1/firms/", 3),
        # key (1) + page (1) + the page's sectors (1)
        ("/api/v1/clusters/", 3),
        # key (1) + page (1), the caller's firms and moderated clusters as subqueries of the page
        ("/api/v1/memberships/", 2),
    ],
)
def test_the_main_lists_cost_a_fixed_number_of_queries(client, url, budget):
    from tests.factories import ClusterFactory, MembershipFactory

    issued = issue_key(rate_limit="100000/min")
    for _ in range(3):
        MembershipFactory.create(cluster=ClusterFactory.create())
    client.get(url, **bearer(issued.token))
    assert _queries(client, url, issued.token) == budget
