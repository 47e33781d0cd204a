"""Request bodies are JSON: a form-encoded or multipart body on a JSON operation is a 415 problem, never half-read."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.test.client import MULTIPART_CONTENT

from platform_.api.models import WebhookEndpoint
from tests.api.factories import bearer, issue_key

pytestmark = pytest.mark.django_db
BODY = {"url": "https://receiver.example.test/hook", "events": ["asset.published"]}


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", MULTIPART_CONTENT])
def test_a_form_body_on_a_json_operation_is_a_415(content_type: str) -> None:
    issued = issue_key()
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    data: Any = "url=https%3A%2F%2Freceiver.example.test%2Fhook" if "urlencoded" in content_type else BODY
    response = client.post("/api/v1/webhooks/endpoints/", data, content_type=content_type, **bearer(issued.token))
    assert response.status_code == 415, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert not WebhookEndpoint.objects.exists()


def test_the_same_body_as_json_is_accepted() -> None:
    issued = issue_key()
    response = Client().post(
        "/api/v1/webhooks/endpoints/", BODY, content_type="application/json", **bearer(issued.token)
    )
    assert response.status_code == 201, response.content
