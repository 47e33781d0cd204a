"""Sending a sign-in code by SMS through a backend chosen by settings (``SMS_BACKEND``).

Backends: ``ConsoleBackend`` (development: the code is logged), ``OutboxBackend`` (tests: kept in
``outbox``), ``AliyunSmsBackend`` (Alibaba Cloud SMS, Dysmsapi ``SendSms``) and
``TencentSmsBackend`` (Tencent Cloud SMS, API 3.0 ``SendSms``). The clouds send only a template
approved beforehand with a registered signature (签名), so the text is theirs: the platform passes
the code as the template's parameter.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import quote, urlsplit

import httpx
from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class SmsNotSent(Exception):
    """The backend (or the cloud behind it) did not accept the message."""


@dataclass(frozen=True)
class Sms:
    number: str  # +86 form
    code: str
    language: str


class SmsBackend(Protocol):
    def send(self, message: Sms) -> None: ...


def sms_backend() -> SmsBackend:
    path = getattr(settings, "SMS_BACKEND", "") or "platform_.phone.sms.ConsoleBackend"
    backend: SmsBackend = import_string(path)()
    return backend


class ConsoleBackend:
    """Development: the code goes to the log (and the console), nowhere else."""

    def send(self, message: Sms) -> None:
        logger.warning("SMS to %s: sign-in code %s", message.number, message.code)


outbox: list[Sms] = []


class OutboxBackend:
    """Tests: every message is appended to ``platform_.phone.sms.outbox``."""

    def send(self, message: Sms) -> None:
        outbox.append(message)


def _setting(name: str) -> str:
    value = getattr(settings, name, "")
    if not value:
        raise SmsNotSent(f"{name} is not set")
    return str(value)


def _timeout() -> float:
    return float(getattr(settings, "SMS_TIMEOUT_SECONDS", 10))


class AliyunSmsBackend:
    """Alibaba Cloud SMS: ``SendSms`` of Dysmsapi 2017-05-25, an RPC call signed with HMAC-SHA1 (signature v1).

    Settings: ``ALIYUN_SMS_ACCESS_KEY_ID``, ``ALIYUN_SMS_ACCESS_KEY_SECRET``, ``ALIYUN_SMS_SIGN_NAME``,
    ``ALIYUN_SMS_TEMPLATE_CODE`` (a template with a ``${code}`` parameter), optionally
    ``ALIYUN_SMS_ENDPOINT`` (default ``https://dysmsapi.aliyuncs.com/``).
    """

    def send(self, message: Sms) -> None:
        params = {
            "AccessKeyId": _setting("ALIYUN_SMS_ACCESS_KEY_ID"),
            "Action": "SendSms",
            "Format": "JSON",
            "PhoneNumbers": message.number.removeprefix("+86"),
            "RegionId": "cn-hangzhou",
            "SignName": _setting("ALIYUN_SMS_SIGN_NAME"),
            "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": secrets.token_hex(16),
            "SignatureVersion": "1.0",
            "TemplateCode": _setting("ALIYUN_SMS_TEMPLATE_CODE"),
            "TemplateParam": json.dumps({"code": message.code}),
            "Timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Version": "2017-05-25",
        }
        params["Signature"] = aliyun_signature(params, secret=_setting("ALIYUN_SMS_ACCESS_KEY_SECRET"))
        endpoint = getattr(settings, "ALIYUN_SMS_ENDPOINT", "") or "https://dysmsapi.aliyuncs.com/"
        try:
            response = httpx.get(endpoint, params=params, timeout=_timeout(), trust_env=False)
            answer = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise SmsNotSent(f"Aliyun SMS: {exc}") from exc
        if answer.get("Code") != "OK":
            raise SmsNotSent(f"Aliyun SMS: {answer.get('Code')} {answer.get('Message')}")


def _percent(text: str) -> str:
    return quote(text, safe="~")


def aliyun_signature(params: dict[str, str], *, secret: str) -> str:
    """Base64(HMAC-SHA1(secret + "&", "GET&%2F&" + encode(sorted, encoded query)))."""
    query = "&".join(f"{_percent(key)}={_percent(params[key])}" for key in sorted(params))
    string_to_sign = "GET&%2F&" + _percent(query)
    return base64.b64encode(hmac.new(f"{secret}&".encode(), string_to_sign.encode(), hashlib.sha1).digest()).decode()


class TencentSmsBackend:
    """Tencent Cloud SMS: ``SendSms`` of API 2021-01-11, signed with TC3-HMAC-SHA256.

    Settings: ``TENCENT_SMS_SECRET_ID``, ``TENCENT_SMS_SECRET_KEY``, ``TENCENT_SMS_SDK_APP_ID``,
    ``TENCENT_SMS_SIGN_NAME``, ``TENCENT_SMS_TEMPLATE_ID`` (one parameter: the code), optionally
    ``TENCENT_SMS_REGION`` (default ``ap-guangzhou``) and ``TENCENT_SMS_ENDPOINT``
    (default ``https://sms.tencentcloudapi.com/``).
    """

    def send(self, message: Sms) -> None:
        endpoint = getattr(settings, "TENCENT_SMS_ENDPOINT", "") or "https://sms.tencentcloudapi.com/"
        host = urlsplit(endpoint).netloc  # signed as the Host header httpx sends
        body = json.dumps(
            {
                "PhoneNumberSet": [message.number],
                "SmsSdkAppId": _setting("TENCENT_SMS_SDK_APP_ID"),
                "SignName": _setting("TENCENT_SMS_SIGN_NAME"),
                "TemplateId": _setting("TENCENT_SMS_TEMPLATE_ID"),
                "TemplateParamSet": [message.code],
            }
        )
        timestamp = int(time.time())
        headers = {
            "Authorization": tencent_authorization(
                secret_id=_setting("TENCENT_SMS_SECRET_ID"),
                secret_key=_setting("TENCENT_SMS_SECRET_KEY"),
                host=host,
                body=body,
                timestamp=timestamp,
            ),
            "Content-Type": "application/json; charset=utf-8",
            "X-TC-Action": "SendSms",
            "X-TC-Timestamp": str(timestamp),
            "X-TC-Version": "2021-01-11",
            "X-TC-Region": getattr(settings, "TENCENT_SMS_REGION", "") or "ap-guangzhou",
        }
        try:
            response = httpx.post(endpoint, content=body.encode(), headers=headers, timeout=_timeout(), trust_env=False)
            answer = response.json().get("Response", {})
        except (httpx.HTTPError, ValueError, AttributeError) as exc:
            raise SmsNotSent(f"Tencent SMS: {exc}") from exc
        if "Error" in answer:
            raise SmsNotSent(f"Tencent SMS: {answer['Error'].get('Code')} {answer['Error'].get('Message')}")
        statuses = answer.get("SendStatusSet") or [{}]
        if statuses[0].get("Code") != "Ok":
            raise SmsNotSent(f"Tencent SMS: {statuses[0].get('Code')} {statuses[0].get('Message')}")


def tencent_authorization(*, secret_id: str, secret_key: str, host: str, body: str, timestamp: int) -> str:
    """The ``Authorization`` header of TC3-HMAC-SHA256 for a JSON POST to ``/`` (service ``sms``)."""
    date = datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d")
    canonical = "\n".join(
        [
            "POST",
            "/",
            "",
            f"content-type:application/json; charset=utf-8\nhost:{host}\n",
            "content-type;host",
            hashlib.sha256(body.encode()).hexdigest(),
        ]
    )
    scope = f"{date}/sms/tc3_request"
    string_to_sign = f"TC3-HMAC-SHA256\n{timestamp}\n{scope}\n{hashlib.sha256(canonical.encode()).hexdigest()}"

    def _mac(key: bytes, text: str) -> bytes:
        return hmac.new(key, text.encode(), hashlib.sha256).digest()

    signing = _mac(_mac(_mac(f"TC3{secret_key}".encode(), date), "sms"), "tc3_request")
    signature = hmac.new(signing, string_to_sign.encode(), hashlib.sha256).hexdigest()
    return f"TC3-HMAC-SHA256 Credential={secret_id}/{scope}, SignedHeaders=content-type;host, Signature={signature}"
