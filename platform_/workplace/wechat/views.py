"""WeChat (Open Platform website login) through allauth's Weixin adapter, with configurable endpoints.

An account is keyed on ``unionid``: the same person across every app of the platform's WeChat Open
Platform account, where ``openid`` differs from app to app (website, official account, mini program).
WeChat gives ``unionid`` only to apps bound to an Open Platform account; without it there is no login.
"""

from __future__ import annotations

from typing import Any

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.weixin.views import WeixinOAuth2Adapter

from platform_.workplace.endpoints import endpoint


class WeChatOAuth2Adapter(WeixinOAuth2Adapter):
    access_token_method = "GET"  # noqa: S105 (as WeChat documents it: an HTTP method, not a secret)

    @property
    def access_token_url(self) -> str:
        return endpoint(self, "access_token_url", "https://api.weixin.qq.com/sns/oauth2/access_token")

    @property
    def profile_url(self) -> str:
        return endpoint(self, "profile_url", "https://api.weixin.qq.com/sns/userinfo")

    def complete_login(self, request: Any, app: Any, token: Any, **kwargs: Any) -> Any:
        response = kwargs.get("response") or {}
        with get_adapter().get_requests_session() as session:
            answer = session.get(
                self.profile_url, params={"access_token": token.token, "openid": response.get("openid")}
            )
            answer.raise_for_status()
            extra_data = answer.json()
        if extra_data.get("errcode"):
            raise OAuth2Error(f"WeChat userinfo: {extra_data.get('errcode')} {extra_data.get('errmsg')}")
        extra_data.setdefault("unionid", response.get("unionid"))
        if not extra_data.get("unionid"):
            raise OAuth2Error("WeChat gave no unionid: bind the website app to the Open Platform account")
        return self.get_provider().sociallogin_from_response(request, extra_data)


oauth2_login = OAuth2LoginView.adapter_view(WeChatOAuth2Adapter)
oauth2_callback = OAuth2CallbackView.adapter_view(WeChatOAuth2Adapter)
