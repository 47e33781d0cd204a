"""DingTalk through allauth's adapter (OAuth 2 of the new open platform), with configurable endpoints."""

from __future__ import annotations

from allauth.socialaccount.providers.dingtalk.views import DingTalkOAuth2Adapter as AllauthDingTalkAdapter
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView

from platform_.workplace.endpoints import endpoint


class DingTalkOAuth2Adapter(AllauthDingTalkAdapter):
    @property
    def access_token_url(self) -> str:
        return endpoint(self, "access_token_url", "https://api.dingtalk.com/v1.0/oauth2/userAccessToken")

    @property
    def authorize_url(self) -> str:
        return endpoint(self, "authorize_url", "https://login.dingtalk.com/oauth2/auth")

    @property
    def profile_url(self) -> str:
        return endpoint(self, "profile_url", "https://api.dingtalk.com/v1.0/contact/users/me")


oauth2_login = OAuth2LoginView.adapter_view(DingTalkOAuth2Adapter)
oauth2_callback = OAuth2CallbackView.adapter_view(DingTalkOAuth2Adapter)
