"""DingTalk: allauth's provider (keyed on the person's ``openId`` for the platform's app)."""

from allauth.socialaccount.providers.dingtalk.provider import DingTalkProvider as AllauthDingTalkProvider

from platform_.workplace.dingtalk.views import DingTalkOAuth2Adapter


class DingTalkProvider(AllauthDingTalkProvider):
    oauth2_adapter_class = DingTalkOAuth2Adapter
