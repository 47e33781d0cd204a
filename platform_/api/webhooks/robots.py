"""Group-chat robots (DingTalk, Feishu, WeCom): their messages, signatures, rate limits and batching.

A robot is a webhook endpoint of another kind, so it shares the engine: the queue of delivery rows,
retries with backoff, the dead letter, the SSRF address policy and the delivery log. What differs is
here. A robot's delivery stores a translatable message (``notifications.messages``) rather than JSON
for a program; the drainer sends the due deliveries of a robot together as one chat message, no
faster than the service accepts from one robot, rendered in the group's language and signed the way
the service documents:

- DingTalk (custom robot, "加签"): ``timestamp`` in milliseconds and ``sign`` = Base64 of
  HMAC-SHA256 with the secret as key over ``"{timestamp}\\n{secret}"``, both in the query string;
  at most 20 messages a minute per robot.
- Feishu (custom bot, "签名校验"): ``timestamp`` in seconds and ``sign`` = Base64 of HMAC-SHA256
  with ``"{timestamp}\\n{secret}"`` as the KEY over an empty message, both in the JSON body;
  at most 100 requests a minute and 5 a second per bot.
- WeCom (group robot): no signature; the robot's ``key`` in its URL is the credential;
  at most 20 messages a minute per robot.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from platform_.api.models import EndpointKind, WebhookDelivery, WebhookEndpoint
from platform_.api.webhooks.address import check_url
from platform_.api.webhooks.registry import registered_event
from platform_.errors import DomainError
from platform_.notifications.messages import Message, render

# A service's limits per robot: (messages, seconds) windows, all of which must have room.
Window = tuple[int, float]


@dataclass(frozen=True)
class RobotService:
    kind: str
    windows: tuple[Window, ...]
    # The most UTF-8 bytes of text one message may carry (the service's documented size, with room to spare).
    max_bytes: int
    hosts: tuple[str, ...]  # the service's own hosts: a robot URL must name one of them
    needs_secret: bool
    request: Callable[[WebhookEndpoint, str, datetime], tuple[str, dict[str, Any]]]


def dingtalk_sign(*, secret: str, timestamp_ms: int) -> str:
    """DingTalk's documented signature: Base64(HMAC-SHA256(key=secret, msg="{timestamp}\\n{secret}"))."""
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def feishu_sign(*, secret: str, timestamp: int) -> str:
    """Feishu's documented signature: Base64(HMAC-SHA256(key="{timestamp}\\n{secret}", msg=b""))."""
    digest = hmac.new(f"{timestamp}\n{secret}".encode(), b"", hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def _dingtalk(endpoint: WebhookEndpoint, text: str, now: datetime) -> tuple[str, dict[str, Any]]:
    timestamp_ms = int(now.timestamp() * 1000)
    url = httpx.URL(endpoint.url).copy_merge_params(
        {"timestamp": str(timestamp_ms), "sign": dingtalk_sign(secret=endpoint.secret, timestamp_ms=timestamp_ms)}
    )
    return str(url), {"msgtype": "text", "text": {"content": text}}


def _feishu(endpoint: WebhookEndpoint, text: str, now: datetime) -> tuple[str, dict[str, Any]]:
    timestamp = int(now.timestamp())
    return endpoint.url, {
        "timestamp": str(timestamp),
        "sign": feishu_sign(secret=endpoint.secret, timestamp=timestamp),
        "msg_type": "text",
        "content": {"text": text},
    }


def _wecom(endpoint: WebhookEndpoint, text: str, now: datetime) -> tuple[str, dict[str, Any]]:
    return endpoint.url, {"msgtype": "text", "text": {"content": text}}


SERVICES: dict[str, RobotService] = {
    EndpointKind.DINGTALK: RobotService(
        kind=EndpointKind.DINGTALK,
        windows=((20, 60.0),),
        max_bytes=18000,
        hosts=("oapi.dingtalk.com",),
        needs_secret=True,
        request=_dingtalk,
    ),
    EndpointKind.FEISHU: RobotService(
        kind=EndpointKind.FEISHU,
        windows=((100, 60.0), (5, 1.0)),
        max_bytes=18000,
        hosts=("open.feishu.cn", "open.larksuite.com"),
        needs_secret=True,
        request=_feishu,
    ),
    EndpointKind.WECOM: RobotService(
        kind=EndpointKind.WECOM,
        windows=((20, 60.0),),
        max_bytes=2000,
        hosts=("qyapi.weixin.qq.com",),
        needs_secret=False,
        request=_wecom,
    ),
}


def service_of(kind: str) -> RobotService:
    return SERVICES[kind]


def allowed_hosts(kind: str) -> tuple[str, ...]:
    """The service's hosts, plus those a deployment adds (``GROUP_ROBOT_EXTRA_HOSTS``; tests, a proxy)."""
    extra = getattr(settings, "GROUP_ROBOT_EXTRA_HOSTS", ()) or ()
    return (*service_of(kind).hosts, *extra)


def robot_url_check(kind: str, url: str) -> str:
    """The robot's URL must be its service's (https), and pass the address policy like any webhook."""
    parts = urlsplit(url or "")
    host = (parts.hostname or "").lower()
    official = host in service_of(kind).hosts
    if host not in allowed_hosts(kind) or (official and parts.scheme != "https"):
        raise DomainError(
            _("A %(service)s robot's address must be on %(hosts)s.")
            % {"service": EndpointKind(kind).label, "hosts": ", ".join(service_of(kind).hosts)},
            field="url",
        )
    return check_url(url)


def windows_of(kind: str) -> tuple[Window, ...]:
    """The service's limits, unless the deployment sets stricter ones (``GROUP_ROBOT_LIMITS``)."""
    configured = (getattr(settings, "GROUP_ROBOT_LIMITS", {}) or {}).get(kind)
    return tuple(configured) if configured else service_of(kind).windows


# What a robot says about an event --------------------------------------------------------------


def robot_message(event: str, payload: dict[str, Any]) -> dict[str, Any]:
    """The stored, translatable message for the event: the domain's own, else its description."""
    registered = registered_event(event)
    if registered is not None and registered.message is not None:
        message = registered.message(payload)
    else:
        description = registered.description if registered is not None else event
        message = Message(gettext_noop("Event: %(event)s"), event=description)
    data: dict[str, Any] = message.as_data() if isinstance(message, Message) else dict(message)
    return data


def robot_language(endpoint: WebhookEndpoint) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    return endpoint.language if endpoint.language in codes else settings.LANGUAGE_CODE


def robot_text(endpoint: WebhookEndpoint, deliveries: Sequence[WebhookDelivery]) -> str:
    """One chat message for the deliveries, in the group's language: a heading, then one line each."""
    language = robot_language(endpoint)
    lines = [render((d.payload or {}).get("message"), fallback=d.event, language=language) for d in deliveries]
    with translation.override(language):
        heading = gettext("Virtual Clusters")
    if len(lines) == 1:
        return f"{heading}: {lines[0]}"
    return heading + "\n" + "\n".join(f"- {line}" for line in lines)


def robot_batch(endpoint: WebhookEndpoint, due: Sequence[WebhookDelivery]) -> list[WebhookDelivery]:
    """The longest run of the due deliveries, oldest first, whose text fits in one message (at least one)."""
    limit = service_of(endpoint.kind).max_bytes
    batch: list[WebhookDelivery] = []
    for delivery in due:
        if batch and len(robot_text(endpoint, [*batch, delivery]).encode()) > limit:
            break
        batch.append(delivery)
    return batch


def robot_request(endpoint: WebhookEndpoint, text: str, now: datetime) -> tuple[str, bytes]:
    """The URL (with DingTalk's signature) and the JSON body (with Feishu's) of one message."""
    limit = service_of(endpoint.kind).max_bytes
    if len(text.encode()) > limit:  # a single message longer than the service takes is cut, not refused
        text = text.encode()[: limit - 3].decode(errors="ignore") + "..."
    url, body = service_of(endpoint.kind).request(endpoint, text, now)
    return url, json.dumps(body, ensure_ascii=False).encode()


def robot_error(response: httpx.Response) -> str:
    """Empty when the service accepted the message; else why not (the services answer 200 with a code)."""
    if not 200 <= response.status_code < 300:
        return f"HTTP {response.status_code}: {response.text[:500]}"
    try:
        answer = response.json()
    except ValueError:
        return f"HTTP {response.status_code}: {response.text[:500]}"
    if not isinstance(answer, dict):
        return f"unexpected answer: {response.text[:500]}"
    code = answer.get("errcode", answer.get("code", answer.get("StatusCode", 0)))
    if code in (0, "0", None):
        return ""
    message = answer.get("errmsg") or answer.get("msg") or answer.get("StatusMessage") or ""
    return f"error {code}: {message}"[:1000]


# Rate limits ----------------------------------------------------------------------------------


def robot_held_until(endpoint: WebhookEndpoint, *, now: datetime) -> datetime | None:
    """When the robot may send again, if one of its service's windows is full now (else None).

    A send is the set of deliveries attempted together; they share ``last_attempt_at``.
    """
    windows = windows_of(endpoint.kind)
    longest = max(seconds for _count, seconds in windows)
    attempted = WebhookDelivery.objects.filter(
        endpoint=endpoint, last_attempt_at__gt=now - timedelta(seconds=longest)
    ).values_list("last_attempt_at", flat=True)
    sends = sorted({at for at in attempted if at is not None})
    held: datetime | None = None
    for count, seconds in windows:
        recent = [at for at in sends if at > now - timedelta(seconds=seconds)]
        if len(recent) >= count:
            until = recent[-count] + timedelta(seconds=seconds)
            held = until if held is None else max(held, until)
    return held
