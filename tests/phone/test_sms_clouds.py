"""The Aliyun and Tencent Cloud SMS adapters against local stand-ins that check each cloud's documented signature.

The stand-ins recompute the signatures from the clouds' documentation (Aliyun RPC signature v1 with
HMAC-SHA1; Tencent Cloud TC3-HMAC-SHA256), not with the adapters' own functions.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.server
import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from django.test import override_settings

from platform_.phone.sms import AliyunSmsBackend, Sms, SmsNotSent, TencentSmsBackend

ALIYUN = {
    "ALIYUN_SMS_ACCESS_KEY_ID": "LTAI-test-id",
    "ALIYUN_SMS_ACCESS_KEY_SECRET": "aliyun-test-secret",
    "ALIYUN_SMS_SIGN_NAME": "虚拟集群",
    "ALIYUN_SMS_TEMPLATE_CODE": "SMS_000001",
}
TENCENT = {
    "TENCENT_SMS_SECRET_ID": "AKID-test",
    "TENCENT_SMS_SECRET_KEY": "tencent-test-key",
    "TENCENT_SMS_SDK_APP_ID": "1400000000",
    "TENCENT_SMS_SIGN_NAME": "虚拟集群",
    "TENCENT_SMS_TEMPLATE_ID": "123456",
}


def _aliyun_valid(params: dict[str, str]) -> bool:
    signature = params.pop("Signature")

    def enc(text: str) -> str:
        return quote(text, safe="~")

    canonical = "&".join(f"{enc(k)}={enc(v)}" for k, v in sorted(params.items()))
    to_sign = "GET&" + enc("/") + "&" + enc(canonical)
    key = (ALIYUN["ALIYUN_SMS_ACCESS_KEY_SECRET"] + "&").encode()
    return signature == base64.b64encode(hmac.new(key, to_sign.encode(), hashlib.sha1).digest()).decode()


def _tencent_valid(headers: Any, body: bytes) -> bool:
    auth = headers["Authorization"]
    timestamp = int(headers["X-TC-Timestamp"])
    date = datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d")
    canonical_request = (
        "POST\n/\n\n"
        f"content-type:{headers['Content-Type']}\nhost:{headers['Host']}\n\n"
        "content-type;host\n" + hashlib.sha256(body).hexdigest()
    )
    scope = f"{date}/sms/tc3_request"
    to_sign = "TC3-HMAC-SHA256\n" + f"{timestamp}\n{scope}\n" + hashlib.sha256(canonical_request.encode()).hexdigest()

    def sign(key: bytes, msg: str) -> bytes:
        return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()

    secret_date = sign(("TC3" + TENCENT["TENCENT_SMS_SECRET_KEY"]).encode(), date)
    secret_signing = sign(sign(secret_date, "sms"), "tc3_request")
    signature = hmac.new(secret_signing, to_sign.encode(), hashlib.sha256).hexdigest()
    expected = (
        f"TC3-HMAC-SHA256 Credential={TENCENT['TENCENT_SMS_SECRET_ID']}/{scope}, "
        f"SignedHeaders=content-type;host, Signature={signature}"
    )
    return auth == expected and headers["X-TC-Action"] == "SendSms" and headers["X-TC-Version"] == "2021-01-11"


@pytest.fixture
def cloud() -> Iterator[dict[str, Any]]:
    seen: dict[str, Any] = {"requests": []}

    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self, answer: dict[str, Any]) -> None:
            payload = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:  # Aliyun's RPC style
            params = dict(parse_qsl(urlsplit(self.path).query, keep_blank_values=True))
            seen["requests"].append(dict(params))
            if _aliyun_valid(params):
                self._answer({"Code": "OK", "Message": "OK", "BizId": "1", "RequestId": "r"})
            else:
                self._answer({"Code": "SignatureDoesNotMatch", "Message": "Specified signature is not matched"})

        def do_POST(self) -> None:  # Tencent Cloud API 3.0
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            seen["requests"].append(json.loads(body))
            if _tencent_valid(self.headers, body):
                self._answer({"Response": {"SendStatusSet": [{"Code": "Ok", "Message": "send success"}]}})
            else:
                self._answer({"Response": {"Error": {"Code": "AuthFailure.SignatureFailure", "Message": "bad"}}})

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    seen["url"] = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield seen
    server.shutdown()
    server.server_close()


MESSAGE = Sms(number="+8613812345678", code="042917", language="zh-hans")


def test_aliyun_request_is_signed_as_documented(cloud):
    with override_settings(**ALIYUN, ALIYUN_SMS_ENDPOINT=cloud["url"]):
        AliyunSmsBackend().send(MESSAGE)
    [request] = cloud["requests"]
    assert request["Action"] == "SendSms"
    assert request["PhoneNumbers"] == "13812345678"
    assert json.loads(request["TemplateParam"]) == {"code": "042917"}
    assert request["SignName"] == "虚拟集群"


def test_aliyun_refusal_is_reported(cloud):
    wrong = {**ALIYUN, "ALIYUN_SMS_ACCESS_KEY_SECRET": "not-the-secret"}
    with override_settings(**wrong, ALIYUN_SMS_ENDPOINT=cloud["url"]), pytest.raises(SmsNotSent):
        AliyunSmsBackend().send(MESSAGE)


def test_tencent_request_is_signed_as_documented(cloud):
    with override_settings(**TENCENT, TENCENT_SMS_ENDPOINT=cloud["url"]):
        TencentSmsBackend().send(MESSAGE)
    [request] = cloud["requests"]
    assert request["PhoneNumberSet"] == ["+8613812345678"]
    assert request["TemplateParamSet"] == ["042917"]
    assert request["SmsSdkAppId"] == "1400000000"


def test_tencent_refusal_is_reported(cloud):
    wrong = {**TENCENT, "TENCENT_SMS_SECRET_KEY": "not-the-key"}
    with override_settings(**wrong, TENCENT_SMS_ENDPOINT=cloud["url"]), pytest.raises(SmsNotSent):
        TencentSmsBackend().send(MESSAGE)


def test_an_unconfigured_cloud_does_not_send():
    with override_settings(ALIYUN_SMS_ACCESS_KEY_ID=""), pytest.raises(SmsNotSent):
        AliyunSmsBackend().send(MESSAGE)
