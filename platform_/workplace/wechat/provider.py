"""WeChat, keyed on ``unionid`` (allauth's Weixin provider keys on the per-app ``openid``)."""

from __future__ import annotations

from typing import Any

from allauth.socialaccount.providers.weixin.provider import WeixinProvider

from platform_.workplace.wechat.views import WeChatOAuth2Adapter


class WeChatProvider(WeixinProvider):
    name = "WeChat"
    oauth2_adapter_class = WeChatOAuth2Adapter

    def extract_uid(self, data: dict[str, Any]) -> str:
        return str(data["unionid"])
