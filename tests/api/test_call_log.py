"""The API call log: recorded in Redis by the request, written to PostgreSQL by the flush, never lost."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from platform_.api import call_log
from platform_.api.models import ApiCall, ApiKey
from platform_.api.tasks import api_call_log_flush
from tests.api.factories import bearer, issue_key

pytestmark = pytest.mark.django_db
ENDPOINTS = "/api/v1/webhooks/endpoints/"


def test_a_call_waits_in_redis_and_is_logged_by_the_flush(client):
    issued = issue_key(scopes=["webhooks:read"])
    before = timezone.now()
    assert client.get(ENDPOINTS, **bearer(issued.token)).status_code == 200
    assert client.get("/api/v1/webhooks/deliveries/?status=nonsense", **bearer(issued.token)).status_code == 400
    assert not ApiCall.objects.exists()  # nothing written in the request path
    assert call_log.pending() == 2
    assert api_call_log_flush() == 2  # the beat task, called as beat calls it
    calls = list(ApiCall.objects.order_by("at", "id"))
    assert [(c.key_id, c.method, c.endpoint, c.status) for c in calls] == [
        (issued.key.pk, "GET", ENDPOINTS, 200),
        (issued.key.pk, "GET", "/api/v1/webhooks/deliveries/", 400),
    ]
    assert all(before <= c.at <= timezone.now() for c in calls)
    assert call_log.pending() == 0
    assert api_call_log_flush() == 0  # nothing twice


def test_the_flush_sets_last_used_from_the_latest_call_and_never_back(client):
    issued = issue_key()
    client.get(ENDPOINTS, **bearer(issued.token))
    issued.key.refresh_from_db()
    assert issued.key.last_used_at is None  # no database write in the request path
    call_log.flush()
    issued.key.refresh_from_db()
    latest = ApiCall.objects.get().at
    assert issued.key.last_used_at == latest
    later = timezone.now() + timedelta(hours=1)
    ApiKey.objects.filter(pk=issued.key.pk).update(last_used_at=later)
    client.get(ENDPOINTS, **bearer(issued.token))
    call_log.flush()
    issued.key.refresh_from_db()
    assert issued.key.last_used_at == later


def test_the_flush_writes_in_batches_and_keeps_the_rest_waiting():
    issued = issue_key()
    total = call_log.BATCH + 5
    for n in range(total):
        call_log.record(key_id=issued.key.pk, method="GET", endpoint=f"/api/v1/firms/{n}/", status=200, duration_ms=1)
    assert call_log.flush(max_batches=1) == call_log.BATCH
    assert call_log.pending() == 5
    assert call_log.flush() == 5
    endpoints = set(ApiCall.objects.values_list("endpoint", flat=True))
    assert endpoints == {f"/api/v1/firms/{n}/" for n in range(total)}


def test_calls_of_a_deleted_key_are_dropped_and_the_others_kept(client):
    kept, gone = issue_key(), issue_key()
    client.get(ENDPOINTS, **bearer(kept.token))
    client.get(ENDPOINTS, **bearer(gone.token))
    ApiKey.objects.filter(pk=gone.key.pk).delete()
    assert call_log.flush() == 1
    assert list(ApiCall.objects.values_list("key_id", flat=True)) == [kept.key.pk]
    assert call_log.pending() == 0


def test_one_flusher_at_a_time(client):
    issued = issue_key()
    client.get(ENDPOINTS, **bearer(issued.token))
    cache.set(call_log.LOCK, "another flusher", 30)
    assert call_log.flush() == 0
    assert call_log.pending() == 1
    cache.delete(call_log.LOCK)
    assert call_log.flush() == 1


def test_a_call_is_written_at_once_when_redis_refuses_the_record():
    issued = issue_key()
    dead = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}}
    with override_settings(CACHES=dead):
        call_log.record(key_id=issued.key.pk, method="GET", endpoint=ENDPOINTS, status=200, duration_ms=3)
    call = ApiCall.objects.get()
    assert (call.key_id, call.endpoint, call.status, call.duration_ms) == (issued.key.pk, ENDPOINTS, 200, 3)


def test_the_keys_page_shows_calls_of_the_last_seconds(client):
    issued = issue_key()
    client.get(ENDPOINTS, **bearer(issued.token))
    client.force_login(issued.key.created_by)
    page = client.get("/firms/api-keys/")
    assert page.status_code == 200
    assert [(c.key_id, c.endpoint, c.status) for c in page.context["recent_calls"]] == [(issued.key.pk, ENDPOINTS, 200)]
    assert ENDPOINTS in page.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_celery_worker_flushes_the_log(client, celery_worker_factory):
    issued = issue_key()
    client.get(ENDPOINTS, **bearer(issued.token))
    celery_worker_factory()
    api_call_log_flush.delay()
    deadline = time.monotonic() + 30
    while not ApiCall.objects.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    call = ApiCall.objects.get()
    assert (call.key_id, call.endpoint, call.status) == (issued.key.pk, ENDPOINTS, 200)


def test_the_flush_runs_on_the_beat_schedule():
    from django.conf import settings

    schedule = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert float(str(schedule["platform_.api.tasks.api_call_log_flush"])) <= 10
