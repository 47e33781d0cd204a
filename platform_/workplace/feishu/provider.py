"""Feishu: allauth's provider (keyed on the person's ``open_id`` for the platform's app)."""

from allauth.socialaccount.providers.feishu.provider import FeishuProvider as AllauthFeishuProvider

from platform_.workplace.feishu.views import FeishuOAuth2Adapter


class FeishuProvider(AllauthFeishuProvider):
    name = "Feishu"
    oauth2_adapter_class = FeishuOAuth2Adapter
