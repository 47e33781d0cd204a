"""Webhooks against a real local receiver and a real Celery worker: signed, retried, ordered, durable."""

from __future__ import annotations

import itertools
import json
import time
from datetime import timedelta

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone, translation

from platform_ import events
from platform_.api import webhooks
from platform_.api.models import DeliveryStatus, WebhookDelivery
from platform_.api.tasks import webhook_sweep
from tests.api.factories import endpoint_for
from tests.factories import firm_with_owner

FAST = {"WEBHOOK_BACKOFF_BASE_SECONDS": 0.3, "WEBHOOK_MAX_ATTEMPTS": 3, "WEBHOOK_TIMEOUT_SECONDS": 5}


def wait_until(predicate, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


@pytest.fixture
def firm_endpoint(receiver, db):
    firm, owner = firm_with_owner()
    endpoint = endpoint_for(firm=firm, by=owner, url=receiver.url, events=["asset.published", "asset.taken_down"])
    return firm, owner, endpoint


@override_settings(**FAST)
def test_delivery_is_signed_and_the_signature_verifies(receiver, firm_endpoint, celery_worker_factory):
    firm, _, endpoint = firm_endpoint
    celery_worker_factory()
    events.publish("asset.published", asset_id=7, audience_firm_ids=[firm.pk])
    request = receiver.wait_for(1)[0]
    assert webhooks.verify(secret=endpoint.secret, body=request["body"], header=request["headers"]["Webhook-Signature"])
    assert not webhooks.verify(
        secret="whsec_wrong", body=request["body"], header=request["headers"]["Webhook-Signature"]
    )
    body = json.loads(request["body"])
    assert body["event"] == "asset.published"
    assert body["data"] == {"asset_id": 7}  # the audience itself never leaves the platform
    assert wait_until(lambda: WebhookDelivery.objects.get().status == DeliveryStatus.DELIVERED)


@override_settings(**FAST)
def test_receiver_answering_500_gets_retries_with_backoff_then_dead_letter(
    receiver, firm_endpoint, celery_worker_factory
):
    firm, _, _ = firm_endpoint
    receiver.statuses = [500, 500, 500]
    celery_worker_factory()
    events.publish("asset.published", asset_id=1, audience_firm_ids=[firm.pk])
    requests = receiver.wait_for(3)
    assert [r["status"] for r in requests] == [500, 500, 500]
    gaps = [later["at"] - earlier["at"] for earlier, later in itertools.pairwise(requests)]
    assert gaps[0] >= webhooks.backoff(1).total_seconds()
    assert gaps[1] >= webhooks.backoff(2).total_seconds()
    assert wait_until(lambda: WebhookDelivery.objects.get().dead_lettered)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.DEAD, 3, 500)


def test_backoff_is_exponential_and_capped():
    with override_settings(WEBHOOK_BACKOFF_BASE_SECONDS=30, WEBHOOK_BACKOFF_MAX_SECONDS=100):
        assert [webhooks.backoff(n) for n in (1, 2, 3, 4)] == [
            timedelta(seconds=30),
            timedelta(seconds=60),
            timedelta(seconds=100),
            timedelta(seconds=100),
        ]


@override_settings(**FAST)
def test_later_event_waits_while_an_earlier_one_is_retrying(receiver, firm_endpoint, celery_worker_factory):
    firm, _, _ = firm_endpoint
    receiver.statuses = [500]
    events.publish("asset.published", asset_id=1, audience_firm_ids=[firm.pk])
    events.publish("asset.taken_down", asset_id=1, audience_firm_ids=[firm.pk])
    celery_worker_factory()
    requests = receiver.wait_for(3)
    assert [(json.loads(r["body"])["event"], r["status"]) for r in requests] == [
        ("asset.published", 500),
        ("asset.published", 200),
        ("asset.taken_down", 200),
    ]


@override_settings(**{**FAST, "WEBHOOK_BACKOFF_BASE_SECONDS": 1})
def test_delivery_survives_a_worker_restart(receiver, firm_endpoint, celery_worker_factory):
    from platform_.celery import app

    firm, _, _ = firm_endpoint
    receiver.statuses = [500]
    first = celery_worker_factory()
    events.publish("asset.published", asset_id=3, audience_firm_ids=[firm.pk])
    receiver.wait_for(1)
    assert wait_until(lambda: WebhookDelivery.objects.get().status == DeliveryStatus.RETRYING)
    first.close()  # the worker goes away, and with it every queued message
    app.control.purge()
    celery_worker_factory()
    assert wait_until(lambda: WebhookDelivery.objects.get().next_attempt_at <= timezone.now())
    webhook_sweep.delay()  # what beat does every minute
    assert wait_until(lambda: WebhookDelivery.objects.get().status == DeliveryStatus.DELIVERED)
    assert [r["status"] for r in receiver.requests] == [500, 200]


def test_rolled_back_transaction_sends_nothing(receiver, firm_endpoint, transactional_db):
    firm, _, _ = firm_endpoint

    def failing_service() -> None:
        with transaction.atomic():
            events.publish("asset.published", asset_id=9, audience_firm_ids=[firm.pk])
            raise RuntimeError("the service failed after publishing")

    with pytest.raises(RuntimeError):
        failing_service()
    assert not WebhookDelivery.objects.exists()
    assert webhook_sweep() == 0
    assert receiver.requests == []


def test_private_asset_event_reaches_only_its_owner(receiver, firm_endpoint):
    from knowledge.models import AccessLevel
    from tests.knowledge.factories import make_asset

    firm, owner, _ = firm_endpoint
    other_firm, other_owner = firm_with_owner()
    endpoint_for(firm=other_firm, by=other_owner, url=receiver.url)
    asset = make_asset(firm=firm, by=owner, access_level=AccessLevel.PRIVATE)
    events.dispatch("asset.published", {"asset_id": asset.pk})
    assert list(WebhookDelivery.objects.values_list("endpoint__firm_id", flat=True)) == [firm.pk]


def test_public_asset_event_reaches_every_subscriber(receiver, firm_endpoint):
    from knowledge.models import AccessLevel
    from tests.knowledge.factories import make_asset

    firm, owner, _ = firm_endpoint
    other_firm, other_owner = firm_with_owner()
    endpoint_for(firm=other_firm, by=other_owner, url=receiver.url)
    asset = make_asset(firm=firm, by=owner, access_level=AccessLevel.PUBLIC)
    events.dispatch("asset.published", {"asset_id": asset.pk})
    told = set(WebhookDelivery.objects.values_list("endpoint__firm_id", flat=True))
    assert told == {firm.pk, other_firm.pk}


def test_event_of_one_firm_never_reaches_another(receiver, firm_endpoint):
    firm, _, _ = firm_endpoint
    other_firm, other_owner = firm_with_owner()
    endpoint_for(firm=other_firm, by=other_owner, url=receiver.url)
    events.dispatch("spillover.updated", {"firm_id": firm.pk})
    assert not WebhookDelivery.objects.filter(endpoint__firm=other_firm).exists()


def test_unsubscribed_event_creates_no_delivery(firm_endpoint):
    firm, _, _ = firm_endpoint
    events.dispatch("project.opened", {"project_id": 1, "audience_firm_ids": [firm.pk]})
    assert not WebhookDelivery.objects.exists()


def test_entry_submitted_goes_to_the_sponsor_without_content(firm_endpoint, receiver):
    sponsor, _owner, endpoint = firm_endpoint
    endpoint.events = ["entry.submitted"]
    endpoint.save()
    solver, solver_owner = firm_with_owner()
    endpoint_for(firm=solver, by=solver_owner, url=receiver.url, events=["entry.submitted"])
    events.dispatch(
        "entry.submitted",
        {
            "entry_id": 5,
            "project_id": 2,
            "sponsor_firm_id": sponsor.pk,
            "firm_id": solver.pk,
            "title": "secret design",
            "files": ["a.step"],
        },
    )
    delivery = WebhookDelivery.objects.get()
    assert delivery.endpoint == endpoint
    assert delivery.payload == {"entry_id": 5, "project_id": 2}


def test_membership_approved_reaches_the_firm_and_its_cluster_peers(receiver, db):
    from tests.factories import ClusterFactory, active_member

    cluster = ClusterFactory.create()
    peer, peer_owner = active_member(cluster)
    newcomer, newcomer_owner = firm_with_owner()
    outsider, outsider_owner = firm_with_owner()
    for firm, owner in ((peer, peer_owner), (newcomer, newcomer_owner), (outsider, outsider_owner)):
        endpoint_for(firm=firm, by=owner, url=receiver.url, events=["membership.approved"])
    events.dispatch("membership.approved", {"cluster_id": cluster.pk, "firm_id": newcomer.pk, "membership_id": 1})
    told = set(WebhookDelivery.objects.values_list("endpoint__firm_id", flat=True))
    assert told == {peer.pk, newcomer.pk}


def test_replay_queues_a_new_delivery_of_the_same_event(firm_endpoint):
    firm, owner, _endpoint = firm_endpoint
    events.dispatch("asset.published", {"asset_id": 1, "audience_firm_ids": [firm.pk]})
    original = WebhookDelivery.objects.get()
    copy = webhooks.webhook_delivery_replay(delivery=original, by=owner)
    assert (copy.event, copy.payload, copy.replay_of_id, copy.status) == (
        original.event,
        original.payload,
        original.pk,
        DeliveryStatus.PENDING,
    )


def test_verify_refuses_a_stale_timestamp():
    body = b'{"event":"x"}'
    header = webhooks.sign(secret="whsec_s", body=body, timestamp=1_000)
    assert webhooks.verify(secret="whsec_s", body=body, header=header, now=1_100)
    assert not webhooks.verify(secret="whsec_s", body=body, header=header, now=2_000)


def test_project_opened_reaches_only_firms_eligible_to_take_part(receiver, db):
    from projects.models import Eligibility
    from tests.projects.factories import ProjectFactory

    sponsor, sponsor_owner = firm_with_owner()
    invited, invited_owner = firm_with_owner()
    outsider, outsider_owner = firm_with_owner()
    for firm, owner in ((sponsor, sponsor_owner), (invited, invited_owner), (outsider, outsider_owner)):
        endpoint_for(firm=firm, by=owner, url=receiver.url, events=["project.opened"])
    project = ProjectFactory.create(sponsor=sponsor, eligibility=Eligibility.INVITED)
    project.invited_firms.add(invited)
    events.dispatch("project.opened", {"project_id": project.pk, "sponsor_id": sponsor.pk})
    told = set(WebhookDelivery.objects.values_list("endpoint__firm_id", flat=True))
    assert told == {sponsor.pk, invited.pk}


def test_project_awarded_reaches_the_sponsor_and_entrants_only(receiver, db):
    from tests.projects.factories import ProjectFactory

    sponsor, sponsor_owner = firm_with_owner()
    outsider, outsider_owner = firm_with_owner()
    for firm, owner in ((sponsor, sponsor_owner), (outsider, outsider_owner)):
        endpoint_for(firm=firm, by=owner, url=receiver.url, events=["project.awarded"])
    project = ProjectFactory.create(sponsor=sponsor)
    events.dispatch("project.awarded", {"project_id": project.pk, "entry_ids": [], "asset_ids": []})
    told = set(WebhookDelivery.objects.values_list("endpoint__firm_id", flat=True))
    assert told == {sponsor.pk}


@pytest.mark.parametrize("url", ["ftp://partner.example.test/in", "not a url", "https://"])
def test_an_endpoint_url_must_be_http_with_a_host(db, url):
    from platform_.errors import DomainError

    firm, owner = firm_with_owner()
    with pytest.raises(DomainError):
        webhooks.webhook_endpoint_create(firm=firm, by=owner, url=url, events=["asset.published"])


@override_settings(WEBHOOK_ALLOW_LOOPBACK=False)
@pytest.mark.parametrize("url", ["http://127.0.0.1:9/in", "http://10.1.2.3/in", "http://169.254.169.254/latest"])
def test_an_endpoint_may_not_reach_internal_addresses(db, url):
    from platform_.errors import DomainError

    firm, owner = firm_with_owner()
    with pytest.raises(DomainError):
        webhooks.webhook_endpoint_create(firm=firm, by=owner, url=url, events=["asset.published"])


def test_a_delivery_to_an_address_that_became_internal_is_refused_at_send_time(receiver, firm_endpoint):
    firm, _owner, _endpoint = firm_endpoint
    events.dispatch("asset.published", {"asset_id": 0, "audience_firm_ids": [firm.pk]})
    delivery = WebhookDelivery.objects.get()
    with override_settings(WEBHOOK_ALLOW_LOOPBACK=False), translation.override("en"):
        webhooks.delivery_attempt(delivery)
    delivery.refresh_from_db()
    assert delivery.last_status_code is None
    assert "private or internal" in delivery.last_error
    assert receiver.requests == []
