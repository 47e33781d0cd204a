"""Feishu through allauth's adapter, with configurable endpoints (Feishu in China, Lark abroad)."""

from __future__ import annotations

from typing import Any

from allauth.socialaccount.providers.feishu.client import FeishuOAuth2Client
from allauth.socialaccount.providers.feishu.views import FeishuOAuth2Adapter as AllauthFeishuAdapter
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView

from platform_.workplace.endpoints import endpoint


class FeishuOAuth2Adapter(AllauthFeishuAdapter):
    @property
    def access_token_url(self) -> str:
        return endpoint(self, "access_token_url", "https://open.feishu.cn/open-apis/authen/v1/access_token")

    @property
    def user_info_url(self) -> str:
        return endpoint(self, "user_info_url", "https://open.feishu.cn/open-apis/authen/v1/user_info")

    def get_client(self, request: Any, app: Any) -> FeishuOAuth2Client:
        client = super().get_client(request, app)
        client.app_access_token_url = endpoint(
            self, "app_access_token_url", "https://open.feishu.cn/open-apis/auth/v3/app_access_token/internal/"
        )
        return client


oauth2_login = OAuth2LoginView.adapter_view(FeishuOAuth2Adapter)
oauth2_callback = OAuth2CallbackView.adapter_view(FeishuOAuth2Adapter)
