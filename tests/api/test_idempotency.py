"""Idempotency-Key: a retried or concurrent POST creates once and gets the first response back."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client

from platform_.api.models import WebhookEndpoint
from tests.api.factories import bearer, issue_key

ENDPOINTS = "/api/v1/webhooks/endpoints/"
NEW = {"url": "https://partner.example.test/in", "events": ["asset.published"]}


@pytest.mark.django_db
def test_retried_post_creates_once_and_replays_the_first_response(client):
    issued = issue_key()
    headers = {**bearer(issued.token), "HTTP_IDEMPOTENCY_KEY": "retry-1"}
    first = client.post(ENDPOINTS, NEW, content_type="application/json", **headers)
    second = client.post(ENDPOINTS, NEW, content_type="application/json", **headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true"
    assert WebhookEndpoint.objects.count() == 1


@pytest.mark.django_db
def test_same_key_with_another_body_is_refused(client):
    issued = issue_key()
    headers = {**bearer(issued.token), "HTTP_IDEMPOTENCY_KEY": "retry-2"}
    client.post(ENDPOINTS, NEW, content_type="application/json", **headers)
    other = client.post(
        ENDPOINTS, {**NEW, "url": "https://elsewhere.example.test/"}, content_type="application/json", **headers
    )
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_mismatch"
    assert WebhookEndpoint.objects.count() == 1


@pytest.mark.django_db
def test_keys_of_two_firms_do_not_share_idempotency_keys(client):
    one, two = issue_key(), issue_key()
    for issued in (one, two):
        response = client.post(
            ENDPOINTS, NEW, content_type="application/json", **bearer(issued.token), HTTP_IDEMPOTENCY_KEY="shared"
        )
        assert response.status_code == 201
    assert WebhookEndpoint.objects.count() == 2


@pytest.mark.django_db
def test_without_the_header_each_post_creates(client):
    issued = issue_key()
    for _ in range(2):
        client.post(ENDPOINTS, NEW, content_type="application/json", **bearer(issued.token))
    assert WebhookEndpoint.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_duplicates_create_once():
    issued = issue_key()
    barrier = threading.Barrier(6)
    statuses: list[int] = []
    bodies: list[dict] = []

    def post() -> None:
        try:
            barrier.wait()
            response = Client().post(
                ENDPOINTS, NEW, content_type="application/json", **bearer(issued.token), HTTP_IDEMPOTENCY_KEY="race"
            )
            statuses.append(response.status_code)
            bodies.append(response.json())
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [201] * 6
    assert all(body == bodies[0] for body in bodies)
    assert WebhookEndpoint.objects.count() == 1
