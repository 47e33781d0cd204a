"""Group-chat robots against a local receiver that checks each service's documented signature.

The receiver recomputes the signatures from the services' documentation (not with the platform's
own functions): DingTalk's HMAC-SHA256 of "timestamp\\nsecret" keyed with the secret, Feishu's
HMAC-SHA256 keyed with "timestamp\\nsecret" over nothing, WeCom's key in the URL.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.server
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import override_settings
from django.utils import timezone

from clusters.robots import cluster_robot_add
from platform_ import events
from platform_.api import webhooks
from platform_.api.models import DeliveryStatus, WebhookDelivery
from platform_.api.webhooks.robot_channels import group_robot_add
from platform_.errors import DomainError, NotAllowed
from tests.factories import ClusterFactory, active_member, firm_with_owner, person_in

DINGTALK_SECRET = "SEC" + "0123456789abcdef" * 4
FEISHU_SECRET = "feishu-signing-secret"
WECOM_KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"
LOCAL = {"GROUP_ROBOT_EXTRA_HOSTS": ["127.0.0.1"], "WEBHOOK_BACKOFF_BASE_SECONDS": 0.2, "WEBHOOK_MAX_ATTEMPTS": 3}


@dataclass
class RobotReceiver:
    """Plays DingTalk, Feishu and WeCom: answers as they do, and refuses a bad signature as they do."""

    base: str = ""
    answers: list[dict[str, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, kind: str) -> str:
        return {
            "dingtalk": f"{self.base}/robot/send?access_token=dt-token",
            "feishu": f"{self.base}/open-apis/bot/v2/hook/fs-hook-id",
            "wecom": f"{self.base}/cgi-bin/webhook/send?key={WECOM_KEY}",
        }[kind]


def _dingtalk_valid(query: dict[str, list[str]]) -> bool:
    timestamp = query["timestamp"][0]
    string_to_sign = f"{timestamp}\n{DINGTALK_SECRET}"
    expected = base64.b64encode(
        hmac.new(DINGTALK_SECRET.encode("utf-8"), string_to_sign.encode("utf-8"), digestmod=hashlib.sha256).digest()
    ).decode()
    fresh = abs(int(timestamp) - time.time() * 1000) < 3600 * 1000  # DingTalk refuses an hour's skew
    return fresh and query["sign"][0] == expected and query["access_token"] == ["dt-token"]


def _feishu_valid(body: dict[str, Any]) -> bool:
    string_to_sign = f"{body['timestamp']}\n{FEISHU_SECRET}"
    expected = base64.b64encode(hmac.new(string_to_sign.encode("utf-8"), digestmod=hashlib.sha256).digest()).decode()
    return body["sign"] == expected and abs(int(body["timestamp"]) - time.time()) < 3600


@pytest.fixture
def robots_receiver() -> Iterator[RobotReceiver]:
    state = RobotReceiver()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            parts = urlsplit(self.path)
            query = parse_qs(parts.query)
            body = json.loads(raw)
            if parts.path == "/robot/send":
                kind, valid = "dingtalk", _dingtalk_valid(query)
                answer = {"errcode": 0, "errmsg": "ok"} if valid else {"errcode": 310000, "errmsg": "sign not match"}
                text = body["text"]["content"]
            elif parts.path.startswith("/open-apis/bot/v2/hook/"):
                kind, valid = "feishu", _feishu_valid(body)
                answer = {"code": 0, "msg": "success"} if valid else {"code": 19021, "msg": "sign match fail"}
                text = body["content"]["text"]
            else:
                kind, valid = "wecom", query.get("key") == [WECOM_KEY]
                answer = (
                    {"errcode": 0, "errmsg": "ok"} if valid else {"errcode": 93000, "errmsg": "invalid webhook url"}
                )
                text = body["text"]["content"]
            with state.lock:
                if state.answers and valid:
                    answer = state.answers.pop(0)
                state.requests.append({"kind": kind, "valid": valid, "text": text, "at": time.time()})
            payload = json.dumps(answer).encode()
            self.send_response(200)  # the services answer 200 and put the outcome in the body
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield state
    server.shutdown()
    server.server_close()


def _robot(receiver: RobotReceiver, kind: str, *, language: str = "zh-hans", secret: str | None = None, **extra: Any):
    firm, owner = firm_with_owner()
    default = {"dingtalk": DINGTALK_SECRET, "feishu": FEISHU_SECRET, "wecom": ""}[kind]
    endpoint = group_robot_add(
        firm=firm,
        by=owner,
        kind=kind,
        url=receiver.url(kind),
        secret=default if secret is None else secret,
        events=["membership.approved", "spillover.updated"],
        language=language,
        **extra,
    )
    return firm, owner, endpoint


def _publish(firm_id: int, times: int = 1) -> None:
    for _ in range(times):
        events.dispatch("spillover.updated", {"firm_id": firm_id})


@override_settings(**LOCAL)
@pytest.mark.parametrize("kind", ["dingtalk", "feishu", "wecom"])
def test_robot_message_carries_the_services_documented_signature(robots_receiver, db, kind):
    firm, _, endpoint = _robot(robots_receiver, kind)
    _publish(firm.pk)
    webhooks.webhook_endpoint_drain(endpoint_id=endpoint.pk)
    [request] = robots_receiver.requests
    assert request["kind"] == kind
    assert request["valid"]
    assert WebhookDelivery.objects.get().status == DeliveryStatus.DELIVERED


@override_settings(**LOCAL)
@pytest.mark.parametrize("kind", ["dingtalk", "feishu"])
def test_a_wrong_secret_is_refused_by_the_service_and_retried_then_dead_lettered(robots_receiver, db, kind):
    firm, _, endpoint = _robot(robots_receiver, kind, secret="SECnot-the-groups-secret")
    _publish(firm.pk)
    for _ in range(3):
        webhooks.webhook_endpoint_drain(endpoint_id=endpoint.pk)
        WebhookDelivery.objects.update(next_attempt_at=timezone.now())
    delivery = WebhookDelivery.objects.get()
    assert [r["valid"] for r in robots_receiver.requests] == [False, False, False]
    assert delivery.status == DeliveryStatus.DEAD
    assert delivery.dead_lettered
    assert "error" in delivery.last_error
    assert delivery.last_status_code == 200


@override_settings(**LOCAL)
def test_the_message_is_in_the_groups_language(robots_receiver, db):
    zh_firm, _, zh_robot = _robot(robots_receiver, "wecom", language="zh-hans")
    en_firm, _, en_robot = _robot(robots_receiver, "wecom", language="en")
    _publish(zh_firm.pk)
    _publish(en_firm.pk)
    webhooks.webhook_endpoint_drain(endpoint_id=zh_robot.pk)
    webhooks.webhook_endpoint_drain(endpoint_id=en_robot.pk)
    zh_text, en_text = (r["text"] for r in robots_receiver.requests)
    assert zh_text == "虚拟集群: 事件：溢出指标已更新"
    assert en_text == "Virtual Clusters: Event: Spillover figures were updated"


@override_settings(**LOCAL, GROUP_ROBOT_LIMITS={"dingtalk": [(2, 60)]})
def test_a_robot_over_its_limit_waits_and_then_sends_the_waiting_events_together(robots_receiver, db):
    firm, _, endpoint = _robot(robots_receiver, "dingtalk", language="en")
    for _ in range(2):  # two messages use up the (test's) limit of two a minute
        _publish(firm.pk)
        assert webhooks.webhook_endpoint_drain(endpoint_id=endpoint.pk) is None
    _publish(firm.pk, times=3)
    held_until = webhooks.webhook_endpoint_drain(endpoint_id=endpoint.pk)
    assert len(robots_receiver.requests) == 2
    assert held_until is not None
    assert held_until > timezone.now() + timedelta(seconds=50)
    # A minute later the three waiting events leave as one message.
    WebhookDelivery.objects.exclude(last_attempt_at=None).update(last_attempt_at=timezone.now() - timedelta(seconds=61))
    assert webhooks.webhook_endpoint_drain(endpoint_id=endpoint.pk) is None
    assert len(robots_receiver.requests) == 3
    batch = robots_receiver.requests[-1]["text"]
    assert batch.count("- Event: Spillover figures were updated") == 3
    assert WebhookDelivery.objects.filter(status=DeliveryStatus.DELIVERED).count() == 5


def test_dingtalk_defaults_to_twenty_messages_a_minute(robots_receiver, db):
    with override_settings(**LOCAL):
        firm, _, endpoint = _robot(robots_receiver, "dingtalk")
        for _ in range(21):
            _publish(firm.pk)
            webhooks.webhook_endpoint_drain(endpoint_id=endpoint.pk)
    assert len(robots_receiver.requests) == 20
    assert WebhookDelivery.objects.filter(status=DeliveryStatus.PENDING).count() == 1


@override_settings(**{**LOCAL, "WEBHOOK_BACKOFF_BASE_SECONDS": 30})
def test_a_service_refusal_for_rate_is_retried_with_backoff(robots_receiver, db):
    firm, _, endpoint = _robot(robots_receiver, "wecom")
    robots_receiver.answers.append({"errcode": 45009, "errmsg": "api freq out of limit"})
    _publish(firm.pk)
    next_due = webhooks.webhook_endpoint_drain(endpoint_id=endpoint.pk)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    assert next_due == delivery.next_attempt_at
    assert "45009" in delivery.last_error
    WebhookDelivery.objects.update(next_attempt_at=timezone.now())
    webhooks.webhook_endpoint_drain(endpoint_id=endpoint.pk)
    assert WebhookDelivery.objects.get().status == DeliveryStatus.DELIVERED


@override_settings(**LOCAL)
def test_a_robot_hears_only_the_events_it_chose_and_its_firm_may_hear(robots_receiver, db):
    firm, _, _endpoint = _robot(robots_receiver, "wecom")
    other, _ = firm_with_owner()
    _publish(other.pk)  # another firm's figures
    events.dispatch("asset.published", {"asset_id": 1, "audience_firm_ids": [firm.pk]})  # not chosen
    assert not WebhookDelivery.objects.exists()


@override_settings(**LOCAL)
def test_a_clusters_robot_hears_only_that_clusters_events(robots_receiver, db):
    cluster, elsewhere = ClusterFactory.create(), ClusterFactory.create()
    firm, owner = active_member(cluster)
    active_member(elsewhere)
    cluster.moderators.add(owner)
    robot = cluster_robot_add(
        cluster=cluster, firm=firm, by=owner, kind="wecom", url=robots_receiver.url("wecom"), events=["*"]
    )
    firm.cluster_memberships.create(cluster=elsewhere, status="active")
    events.dispatch("membership.approved", {"cluster_id": elsewhere.pk, "firm_id": firm.pk, "membership_id": 1})
    assert not WebhookDelivery.objects.exists()
    events.dispatch("membership.approved", {"cluster_id": cluster.pk, "firm_id": firm.pk, "membership_id": 2})
    assert list(WebhookDelivery.objects.values_list("endpoint_id", flat=True)) == [robot.pk]


@override_settings(**LOCAL)
def test_only_a_moderator_adds_a_clusters_robot(robots_receiver, db):
    cluster = ClusterFactory.create()
    firm, owner = active_member(cluster)
    with pytest.raises(NotAllowed):
        cluster_robot_add(
            cluster=cluster, firm=firm, by=owner, kind="wecom", url=robots_receiver.url("wecom"), events=["*"]
        )


@override_settings(**LOCAL)
def test_only_the_firms_managers_add_a_robot(robots_receiver, db):
    firm, _ = firm_with_owner()
    with pytest.raises(NotAllowed):
        group_robot_add(
            firm=firm, by=person_in(firm), kind="wecom", url=robots_receiver.url("wecom"), events=["spillover.updated"]
        )


@pytest.mark.parametrize(
    ("kind", "url", "secret", "field"),
    [
        ("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=x", "", "secret"),
        ("dingtalk", "https://evil.example.com/robot/send?access_token=x", DINGTALK_SECRET, "url"),
        ("wecom", "http://127.0.0.1:9/cgi-bin/webhook/send?key=x", "", "url"),  # not the service's host
        ("slack", "https://hooks.slack.com/x", "", "kind"),
        ("wecom", "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x", "", "url"),  # not https
    ],
)
def test_a_robot_must_be_the_services_and_signed_where_it_signs(db, kind, url, secret, field):
    firm, owner = firm_with_owner()
    with pytest.raises(DomainError) as error:
        group_robot_add(firm=firm, by=owner, kind=kind, url=url, secret=secret, events=["spillover.updated"])
    assert error.value.field == field


@override_settings(GROUP_ROBOT_EXTRA_HOSTS=["10.0.0.8"])
def test_a_robot_address_still_obeys_the_ssrf_policy(db):
    firm, owner = firm_with_owner()
    with pytest.raises(DomainError):
        group_robot_add(
            firm=firm, by=owner, kind="wecom", url="http://10.0.0.8/cgi-bin/webhook/send?key=x", events=["*"]
        )


@override_settings(**LOCAL)
def test_a_firm_administrator_adds_a_robot_in_the_browser_form(robots_receiver, client, db):
    firm, owner = firm_with_owner()
    client.force_login(owner)
    response = client.post(
        "/firms/webhooks/robots/new/",
        {
            "kind": "dingtalk",
            "url": robots_receiver.url("dingtalk"),
            "secret": DINGTALK_SECRET,
            "language": "zh-hans",
            "events": ["spillover.updated"],
        },
    )
    assert response.status_code == 302
    robot = firm.webhook_endpoints.get()
    assert (robot.kind, robot.language, robot.secret) == ("dingtalk", "zh-hans", DINGTALK_SECRET)
    page = client.get("/firms/webhooks/")
    assert "DingTalk" in page.content.decode() or "钉钉" in page.content.decode()
    refused = client.post(
        "/firms/webhooks/robots/new/",
        {
            "kind": "dingtalk",
            "url": "https://oapi.dingtalk.com/robot/send",
            "language": "en",
            "events": ["spillover.updated"],
        },
    )
    assert refused.status_code == 200
    assert firm.webhook_endpoints.count() == 1


@override_settings(**LOCAL)
def test_a_robots_address_cannot_be_changed_to_another_host(robots_receiver, db):
    _firm, owner, robot = _robot(robots_receiver, "wecom")
    with pytest.raises(DomainError):
        webhooks.webhook_endpoint_update(endpoint=robot, by=owner, url="https://receiver.example.com/hook")
