"""WeCom (企业微信): a provider of our own in the style of allauth's, for a firm's self-built app."""

from __future__ import annotations

from typing import Any

from allauth.socialaccount.providers.base import ProviderAccount
from allauth.socialaccount.providers.oauth2.provider import OAuth2Provider

from platform_.workplace.wecom.views import WeComOAuth2Adapter


class WeComAccount(ProviderAccount):
    def get_avatar_url(self) -> str | None:
        return self.account.extra_data.get("avatar")

    def to_str(self) -> str:
        return str(self.account.extra_data.get("name") or super().to_str())


class WeComProvider(OAuth2Provider):
    id = "wecom"
    name = "WeCom"
    account_class = WeComAccount
    oauth2_adapter_class = WeComOAuth2Adapter

    def extract_uid(self, data: dict[str, Any]) -> str:
        return f"{data['corpid']}/{data['userid']}"

    def get_default_scope(self) -> list[str]:
        return []

    def extract_common_fields(self, data: dict[str, Any]) -> dict[str, Any]:
        return {"name": data.get("name") or data.get("userid")}
