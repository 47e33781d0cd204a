"""The lean read path of the list endpoints renders exactly what DRF's generic path renders."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework import serializers

from clusters.api.serializers import MembershipOut
from clusters.models import ClusterMembership
from clusters.selectors import MembershipInsight
from platform_.api.lean import LeanOutput
from platform_.api.models import WebhookDelivery
from platform_.api.serializers import WebhookDeliveryOutput
from platform_.identity.api.serializers import FirmOut
from platform_.identity.models import Firm, Sector
from tests.api.factories import bearer, endpoint_for, issue_key
from tests.factories import CapabilityFactory, ClusterFactory, FirmFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def _generic(serializer: serializers.Serializer, instance: object) -> dict:
    """DRF's own field-by-field rendering, bypassing the lean path."""
    return serializers.Serializer.to_representation(serializer, instance)


def _rich_firm() -> Firm:
    sectors = [
        Sector.objects.get_or_create(code=code, defaults={"section": "C", "name_zh": f"行业{code}", "name_en": ""})[0]
        for code in ("39", "17", "26")
    ]
    capabilities = [CapabilityFactory.create(code=code) for code in ("z.cap", "a.cap")]
    needs = [CapabilityFactory.create(code=code) for code in ("m.need", "b.need")]
    return FirmFactory.create(sectors=sectors, capabilities=capabilities, needs=needs, province="")


def test_the_firm_list_renders_as_drf_does(client):
    firm = _rich_firm()
    body = client.get("/api/v1/firms/").json()
    listed = next(row for row in body["results"] if row["id"] == firm.pk)
    assert listed == _generic(FirmOut(), Firm.objects.get(pk=firm.pk))
    assert [sector["code"] for sector in listed["sectors"]] == ["17", "26", "39"]


def test_the_firm_list_costs_the_same_queries_with_more_taxonomy(client):
    issued = issue_key(rate_limit="100000/min")
    client.get("/api/v1/firms/", **bearer(issued.token))
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/firms/", **bearer(issued.token))
    for _ in range(5):
        _rich_firm()
    with CaptureQueriesContext(connection) as many:
        client.get("/api/v1/firms/", **bearer(issued.token))
    assert len(many) == len(few)


def test_a_delivery_renders_as_drf_does():
    issued = issue_key()
    endpoint = endpoint_for(firm=issued.key.firm, by=issued.key.created_by)
    first = WebhookDelivery.objects.create(endpoint=endpoint, event="asset.published", payload={"a": [1, "二"]})
    replay = WebhookDelivery.objects.create(endpoint=endpoint, event="asset.published", payload={}, replay_of=first)
    for delivery in (first, replay):
        assert WebhookDeliveryOutput(delivery).data == _generic(WebhookDeliveryOutput(), delivery)


def test_a_membership_renders_as_drf_does():
    membership = MembershipFactory.create(cluster=ClusterFactory.create(), firm=FirmFactory.create(), message="hello")
    membership = ClusterMembership.objects.select_related("cluster", "firm").get(pk=membership.pk)
    for insight in (MembershipInsight(frozenset({membership.firm_id}), frozenset()), None):
        context = {"insight": insight}
        lean = MembershipOut(membership, context=context).data
        assert lean == _generic(MembershipOut(context=context), membership)


class _ReplayBrief(LeanOutput, serializers.ModelSerializer):
    class Meta:
        model = WebhookDelivery
        fields = ["id", "event"]


class _DeliveryWithReplay(LeanOutput, serializers.ModelSerializer):
    replay_of = _ReplayBrief(read_only=True)
    tag = serializers.CharField(read_only=True)

    class Meta:
        model = WebhookDelivery
        fields = ["id", "replay_of", "tag"]


def test_related_rows_and_properties_are_read_directly_and_render_as_drf_does(monkeypatch):
    issued = issue_key()
    endpoint = endpoint_for(firm=issued.key.firm, by=issued.key.created_by)
    first = WebhookDelivery.objects.create(endpoint=endpoint, event="asset.published", payload={})
    replay = WebhookDelivery.objects.create(endpoint=endpoint, event="asset.published", payload={}, replay_of=first)
    monkeypatch.setattr(WebhookDelivery, "tag", property(lambda delivery: f"#{delivery.pk}"), raising=False)
    plan = {step[0]: step[5] for step in _DeliveryWithReplay()._lean_plan()}
    assert plan == {"id": None, "replay_of": "replay_of", "tag": "tag"}
    for delivery in (first, replay):  # a related row and none
        assert _DeliveryWithReplay(delivery).data == _generic(_DeliveryWithReplay(), delivery)
    assert _DeliveryWithReplay(replay).data["replay_of"] == {"id": first.pk, "event": "asset.published"}

    def missing(delivery: WebhookDelivery) -> str:
        raise AttributeError("tag")

    monkeypatch.setattr(WebhookDelivery, "tag", property(missing))
    rendered = _DeliveryWithReplay(first).data
    assert rendered == _generic(_DeliveryWithReplay(), first)
    assert "tag" not in rendered  # DRF's walk skips a read-only field it cannot read


def test_an_unknown_filter_value_is_still_refused(client):
    assert client.get("/api/v1/firms/", {"sector": "no-such-sector"}).status_code == 400


def test_a_filter_still_filters(client):
    zhejiang, guangdong = FirmFactory.create(province="33"), FirmFactory.create(province="44")
    ids = {row["id"] for row in client.get("/api/v1/firms/", {"province": "44"}).json()["results"]}
    assert guangdong.pk in ids
    assert zhejiang.pk not in ids


def test_the_schema_keeps_the_types_of_fields_the_lean_path_shares(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    cluster = schema["components"]["schemas"]["ClusterOut"]["properties"]
    assert cluster["member_count"]["type"] == "integer"
    assert (cluster["created_at"]["type"], cluster["created_at"]["format"]) == ("string", "date-time")
