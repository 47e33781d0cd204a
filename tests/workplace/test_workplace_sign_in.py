"""Sign-in with WeChat, DingTalk, Feishu and WeCom against local stand-ins of their documented endpoints.

Each stand-in answers with responses of the documented formats and refuses a wrong app secret or code,
so the providers' requests are checked as well as their handling of the answers.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.socialaccount.models import SocialAccount
from django.test import override_settings

from platform_.identity.models import User
from tests.factories import UserFactory

APPS = {
    "weixin": ("wx-app-id", "wx-secret"),
    "dingtalk": ("ding-client-id", "ding-secret"),
    "feishu": ("cli_feishu", "feishu-secret"),
    "wecom": ("ww-corp-id", "wecom-app-secret"),
}


class StandIn:
    """What the four services' servers answer; ``unionid`` and ``openid`` are set per test."""

    def __init__(self) -> None:
        self.base = ""
        self.wechat_openid = "o-web-1"
        self.wechat_unionid: str | None = "union-zhang"
        self.calls: list[str] = []

    def answer(self, method: str, path: str, query: dict[str, str], body: dict[str, Any], headers: Any) -> Any:
        self.calls.append(f"{method} {path}")
        wrong = {"errcode": 40029, "errmsg": "invalid code"}
        if path == "/sns/oauth2/access_token":
            ok = method == "GET" and (query.get("appid"), query.get("secret")) == APPS["weixin"]
            if not ok or query.get("code") != "good" or query.get("grant_type") != "authorization_code":
                return wrong
            token = {
                "access_token": "wx-at",
                "expires_in": 7200,
                "refresh_token": "wx-rt",
                "openid": self.wechat_openid,
            }
            token["scope"] = "snsapi_login"
            if self.wechat_unionid:
                token["unionid"] = self.wechat_unionid
            return token
        if path == "/sns/userinfo":
            if query.get("access_token") != "wx-at":
                return {"errcode": 40001, "errmsg": "invalid credential"}
            info: dict[str, Any] = {
                "openid": query.get("openid"),
                "nickname": "张三",
                "sex": 1,
                "province": "广东",
                "city": "深圳",
            }
            info |= {"country": "CN", "headimgurl": "", "privilege": []}
            if self.wechat_unionid:
                info["unionid"] = self.wechat_unionid
            return info
        if path == "/v1.0/oauth2/userAccessToken":
            expected = {"clientId": APPS["dingtalk"][0], "clientSecret": APPS["dingtalk"][1], "code": "good"}
            if any(body.get(k) != v for k, v in expected.items()) or body.get("grantType") != "authorization_code":
                return {"code": "InvalidAuthentication", "message": "invalid"}
            return {"accessToken": "dt-at", "refreshToken": "dt-rt", "expireIn": 7200, "corpId": "ding-corp"}
        if path == "/v1.0/contact/users/me":
            if headers.get("x-acs-dingtalk-access-token") != "dt-at":
                return {"code": "InvalidAuthentication"}
            return {"nick": "李四", "avatarUrl": "", "mobile": "13800000000", "openId": "dt-open-li"} | {
                "unionId": "dt-union-li",
                "stateCode": "86",
            }
        if path == "/open-apis/auth/v3/app_access_token/internal/":
            if (body.get("app_id"), body.get("app_secret")) != APPS["feishu"]:
                return {"code": 10014, "msg": "app secret invalid"}
            return {"code": 0, "msg": "ok", "app_access_token": "t-app", "expire": 7200}
        if path == "/open-apis/authen/v1/access_token":
            if body.get("app_access_token") != "t-app" or body.get("code") != "good":
                return {"code": 20003, "msg": "invalid code"}
            data = {"access_token": "u-at", "token_type": "Bearer", "expires_in": 6900, "refresh_token": "u-rt"}
            return {"code": 0, "msg": "success", "data": data | {"open_id": "ou_wang", "union_id": "on_wang"}}
        if path == "/open-apis/authen/v1/user_info":
            if headers.get("Authorization") != "Bearer u-at":
                return {"code": 99991663, "msg": "invalid access token"}
            data = {"name": "王五", "en_name": "Wang Wu", "open_id": "ou_wang", "union_id": "on_wang"}
            return {"code": 0, "msg": "success", "data": data | {"avatar_big": ""}}
        if path == "/cgi-bin/gettoken":
            if (query.get("corpid"), query.get("corpsecret")) != APPS["wecom"]:
                return {"errcode": 40001, "errmsg": "invalid credential"}
            return {"errcode": 0, "errmsg": "ok", "access_token": "wc-at", "expires_in": 7200}
        if path == "/cgi-bin/auth/getuserinfo":
            if query.get("access_token") != "wc-at" or query.get("code") != "good":
                return wrong
            return {"errcode": 0, "errmsg": "ok", "userid": "zhaoliu", "user_ticket": "ticket"}
        if path == "/cgi-bin/user/get":
            if query.get("access_token") != "wc-at":
                return {"errcode": 40014, "errmsg": "invalid access_token"}
            return {"errcode": 0, "errmsg": "ok", "userid": query.get("userid"), "name": "赵六", "alias": ""}
        return {"errcode": 404}

    def providers(self) -> dict[str, Any]:
        base = self.base
        urls = {
            "weixin": {"access_token_url": f"{base}/sns/oauth2/access_token", "profile_url": f"{base}/sns/userinfo"},
            "dingtalk": {
                "access_token_url": f"{base}/v1.0/oauth2/userAccessToken",
                "profile_url": f"{base}/v1.0/contact/users/me",
            },
            "feishu": {
                "app_access_token_url": f"{base}/open-apis/auth/v3/app_access_token/internal/",
                "access_token_url": f"{base}/open-apis/authen/v1/access_token",
                "user_info_url": f"{base}/open-apis/authen/v1/user_info",
            },
            "wecom": {
                "access_token_url": f"{base}/cgi-bin/gettoken",
                "user_info_url": f"{base}/cgi-bin/auth/getuserinfo",
                "profile_url": f"{base}/cgi-bin/user/get",
            },
        }
        return {
            provider: {
                "APPS": [
                    {"client_id": APPS[provider][0], "secret": APPS[provider][1], "settings": {"agent_id": "1000002"}}
                ],
                "URLS": urls[provider],
            }
            for provider in APPS
        }


@pytest.fixture
def stand_in() -> Iterator[StandIn]:
    state = StandIn()

    class Handler(http.server.BaseHTTPRequestHandler):
        def _reply(self, method: str) -> None:
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if (self.headers.get("Content-Type") or "").startswith("application/json"):
                body = json.loads(raw or b"{}")
            else:
                body = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
            payload = json.dumps(state.answer(method, parts.path, query, body, self.headers)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:
            self._reply("GET")

        def do_POST(self) -> None:
            self._reply("POST")

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with override_settings(SOCIALACCOUNT_PROVIDERS=state.providers()):
        yield state
    server.shutdown()
    server.server_close()


def _through(client: Any, provider: str, *, code: str = "good", process: str = "login") -> Any:
    started = client.post(f"/accounts/{provider}/login/", {"process": process})
    assert started.status_code == 302, started.content[:500]
    query = parse_qs(urlsplit(started.url).query)
    code_name = "authCode" if provider == "dingtalk" else "code"  # DingTalk's callback says authCode
    return client.get(f"/accounts/{provider}/login/callback/", {code_name: code, "state": query["state"][0]}), query


def _signed_in(client: Any) -> User | None:
    user = client.get("/").context["user"]
    return user if user.is_authenticated else None


def test_wechat_signs_up_keyed_on_unionid(client, stand_in, db):
    response, query = _through(client, "weixin")
    assert query["appid"] == ["wx-app-id"]
    assert query["scope"] == ["snsapi_login"]
    assert response.status_code == 302
    account = SocialAccount.objects.get(provider="weixin")
    assert account.uid == "union-zhang"
    assert _signed_in(client) == account.user
    assert account.user.display_name == "张三"
    assert not account.user.has_usable_password()
    assert not account.user.email_notifications  # WeChat gives no e-mail; a placeholder is never written to


def test_wechat_keeps_the_person_when_another_app_gives_another_openid(client, stand_in, db):
    _through(client, "weixin")
    first = SocialAccount.objects.get().user
    client.logout()
    stand_in.wechat_openid = "o-official-account-1"  # the same person through another app of the platform
    _through(client, "weixin")
    assert SocialAccount.objects.count() == 1
    assert _signed_in(client) == first


def test_wechat_without_a_unionid_does_not_sign_in(client, stand_in, db):
    stand_in.wechat_unionid = None
    _through(client, "weixin")
    assert not SocialAccount.objects.exists()
    assert _signed_in(client) is None


def test_dingtalk_signs_up(client, stand_in, db):
    response, query = _through(client, "dingtalk")
    assert query["client_id"] == ["ding-client-id"]
    assert response.status_code == 302
    account = SocialAccount.objects.get(provider="dingtalk")
    assert (account.uid, account.user.display_name) == ("dt-open-li", "李四")
    assert _signed_in(client) == account.user
    assert account.user.email.endswith("@signin.invalid")  # the mobile number or e-mail of the app is not trusted


def test_feishu_signs_up(client, stand_in, db):
    response, query = _through(client, "feishu")
    assert query["app_id"] == ["cli_feishu"]
    assert response.status_code == 302
    account = SocialAccount.objects.get(provider="feishu")
    assert (account.uid, account.user.display_name) == ("ou_wang", "王五")
    assert _signed_in(client) == account.user


def test_wecom_signs_up_as_a_member_of_the_organisation(client, stand_in, db):
    response, query = _through(client, "wecom")
    assert (query["appid"], query["agentid"], query["login_type"]) == (["ww-corp-id"], ["1000002"], ["CorpApp"])
    assert response.status_code == 302
    account = SocialAccount.objects.get(provider="wecom")
    assert (account.uid, account.user.display_name) == ("ww-corp-id/zhaoliu", "赵六")
    assert _signed_in(client) == account.user
    assert stand_in.calls[:3] == ["GET /cgi-bin/gettoken", "GET /cgi-bin/auth/getuserinfo", "GET /cgi-bin/user/get"]


@pytest.mark.parametrize("provider", list(APPS))
def test_a_wrong_code_signs_no_one_in(client, stand_in, db, provider):
    _through(client, provider, code="forged")
    assert not SocialAccount.objects.exists()
    assert _signed_in(client) is None
    assert not User.objects.exists()


@pytest.mark.parametrize("provider", list(APPS))
def test_an_existing_person_links_the_app_and_then_signs_in_with_it(client, stand_in, db, provider):
    person = UserFactory.create()
    client.force_login(person)
    _through(client, provider, process="connect")
    assert SocialAccount.objects.get(provider=provider).user == person
    client.logout()
    _through(client, provider)
    assert _signed_in(client) == person
    assert User.objects.count() == 1


@pytest.mark.parametrize("provider", list(APPS))
def test_a_provider_is_offered_only_where_the_deployment_configures_its_app(client, db, provider):
    with override_settings(SOCIALACCOUNT_PROVIDERS={provider: {"APPS": []}}):
        response = client.post(f"/accounts/{provider}/login/")
    assert response.status_code == 404
    assert not SocialAccount.objects.exists()
