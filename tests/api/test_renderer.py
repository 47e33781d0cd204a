"""The orjson renderer writes the bytes DRF's JSONRenderer writes."""

from __future__ import annotations

import datetime
import decimal
import uuid

import pytest
from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer
from rest_framework.serializers import Serializer
from rest_framework.utils.serializer_helpers import ReturnDict, ReturnList

from platform_.api.renderers import OrjsonRenderer
from tests.api.factories import bearer, endpoint_for, issue_key

SERIALIZER: Serializer = Serializer()
AWARE = datetime.datetime(2026, 11, 26, 18, 33, 1, 123456, tzinfo=datetime.UTC)
PAYLOADS = [
    {"text": "".join(chr(n) for n in range(0xA0)) + '"\\/é中文😀 \u2028 \u2029'},
    {"when": AWARE, "naive": AWARE.replace(tzinfo=None), "day": AWARE.date(), "clock": datetime.time(8, 30)},
    {"price": decimal.Decimal("12.50"), "id": uuid.UUID(int=7), "wait": datetime.timedelta(seconds=90)},
    {"lazy": gettext_lazy("API key"), 3: "an integer key", "nested": [{"a": None, "b": True, "c": [1, 2.5, -0.0]}]},
    ReturnDict({"results": ReturnList([{"id": 1}], serializer=SERIALIZER), "next": None}, serializer=SERIALIZER),
    {"big": 2**70, "floats": [0.1, 1e16, 1e22, 123.456]},  # an integer beyond 64 bits: DRF renders it
    [],
    "a plain string",
]


@pytest.mark.parametrize("data", PAYLOADS)
def test_the_bytes_are_drfs(data):
    assert OrjsonRenderer().render(data) == JSONRenderer().render(data)


def test_a_lone_surrogate_fails_as_in_drf():
    for renderer in (OrjsonRenderer(), JSONRenderer()):
        with pytest.raises(UnicodeEncodeError):
            renderer.render({"surrogate": "\ud800"})


def test_indented_output_is_drfs():
    data = {"a": [1, {"b": "中"}]}
    media_type = "application/json; indent=2"
    rendered = OrjsonRenderer().render(data, media_type, {})
    assert rendered == JSONRenderer().render(data, media_type, {})
    assert b"\n" in rendered


def test_nothing_renders_as_nothing():
    assert OrjsonRenderer().render(None) == b""


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/firms/", "/api/v1/webhooks/deliveries/", "/api/v1/clusters/"])
def test_api_responses_are_rendered_by_orjson_as_drf_would(client, url):
    issued = issue_key()
    endpoint = endpoint_for(firm=issued.key.firm, by=issued.key.created_by)
    endpoint.deliveries.create(event="asset.published", payload={"name": "中文 \u2028", "n": 1.5})
    response = client.get(url, **bearer(issued.token))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert isinstance(response.accepted_renderer, OrjsonRenderer)
    assert response.content == JSONRenderer().render(response.data)
