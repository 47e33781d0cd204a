"""The providers allauth's registry loads from this app: its three, keyed as we need, and WeCom."""

from platform_.workplace.dingtalk.provider import DingTalkProvider
from platform_.workplace.feishu.provider import FeishuProvider
from platform_.workplace.wechat.provider import WeChatProvider
from platform_.workplace.wecom.provider import WeComProvider

provider_classes = [WeChatProvider, DingTalkProvider, FeishuProvider, WeComProvider]
