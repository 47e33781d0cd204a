"""Sign-in with the apps firms' staff work in: WeChat, DingTalk, Feishu (allauth's providers) and WeCom (ours)."""
