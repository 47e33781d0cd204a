"""WeCom (企业微信) web login, in the style of allauth's OAuth 2 providers.

WeCom is not plain OAuth 2: the login page returns a ``code``; the platform's self-built app takes its
own access token (``gettoken`` with the corp id and the app's secret) and exchanges the code for the
member's ``userid`` (``auth/getuserinfo``), then reads the member's name (``user/get``). A member is
known by ``<corpid>/<userid>``, as a userid is unique only inside one organisation.

The SocialApp's ``client_id`` is the corp id, its ``secret`` the app's secret, and its settings (or
the provider's) carry ``agent_id``.
"""

from __future__ import annotations

from typing import Any

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.oauth2.client import OAuth2Client, OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2Adapter, OAuth2CallbackView, OAuth2LoginView
from django.utils.http import urlencode

from platform_.workplace.endpoints import endpoint

API = "https://qyapi.weixin.qq.com/cgi-bin"


def _checked(answer: Any, what: str) -> dict[str, Any]:
    data = answer.json()
    if not isinstance(data, dict) or data.get("errcode", 0) != 0:
        raise OAuth2Error(f"WeCom {what}: {answer.content[:300]!r}")
    return data


class WeComOAuth2Client(OAuth2Client):
    agent_id = ""
    user_info_url = f"{API}/auth/getuserinfo"

    def get_redirect_url(self, authorization_url: str, scope: Any, extra_params: dict[str, Any]) -> str:
        params = {
            "login_type": "CorpApp",
            "appid": self.consumer_key,
            "agentid": self.agent_id,
            "redirect_uri": self.callback_url,
        }
        if self.state:
            params["state"] = self.state
        params.update(extra_params)
        return f"{authorization_url}?{urlencode(params)}"

    def get_access_token(self, code: str, pkce_code_verifier: str | None = None) -> dict[str, Any]:
        with get_adapter().get_requests_session() as session:
            token = _checked(
                session.get(
                    self.access_token_url, params={"corpid": self.consumer_key, "corpsecret": self.consumer_secret}
                ),
                "gettoken",
            )
            who = _checked(
                session.get(self.user_info_url, params={"access_token": token["access_token"], "code": code}),
                "getuserinfo",
            )
        if not who.get("userid"):  # someone outside the organisation (WeCom gives them an openid only)
            raise OAuth2Error("WeCom: not a member of the organisation")
        return {"access_token": token["access_token"], "expires_in": token.get("expires_in"), "userid": who["userid"]}


class WeComOAuth2Adapter(OAuth2Adapter):
    provider_id = "wecom"
    client_class = WeComOAuth2Client
    access_token_method = "GET"  # noqa: S105 (an HTTP method, not a secret)

    @property
    def authorize_url(self) -> str:
        return endpoint(self, "authorize_url", "https://login.work.weixin.qq.com/wwlogin/sso/login")

    @property
    def access_token_url(self) -> str:
        return endpoint(self, "access_token_url", f"{API}/gettoken")

    @property
    def profile_url(self) -> str:
        return endpoint(self, "profile_url", f"{API}/user/get")

    def get_client(self, request: Any, app: Any) -> WeComOAuth2Client:
        client = super().get_client(request, app)
        assert isinstance(client, WeComOAuth2Client)
        client.agent_id = str(
            (app.settings or {}).get("agent_id") or self.get_provider().get_settings().get("AGENT_ID", "")
        )
        client.user_info_url = endpoint(self, "user_info_url", f"{API}/auth/getuserinfo")
        return client

    def complete_login(self, request: Any, app: Any, token: Any, **kwargs: Any) -> Any:
        response = kwargs.get("response") or {}
        extra_data: dict[str, Any] = {"corpid": app.client_id, "userid": response["userid"]}
        with get_adapter().get_requests_session() as session:
            answer = session.get(self.profile_url, params={"access_token": token.token, "userid": response["userid"]})
        member = answer.json() if answer.ok else {}
        if isinstance(member, dict) and member.get("errcode", 0) == 0:  # without contact rights: the userid only
            extra_data.update({key: member[key] for key in ("name", "avatar", "alias") if key in member})
        return self.get_provider().sociallogin_from_response(request, extra_data)


oauth2_login = OAuth2LoginView.adapter_view(WeComOAuth2Adapter)
oauth2_callback = OAuth2CallbackView.adapter_view(WeComOAuth2Adapter)
