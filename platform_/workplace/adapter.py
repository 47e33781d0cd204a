"""How a workplace-app sign-in becomes a person: auto sign-up with the app's name, never trusting its e-mail.

WeChat gives no e-mail, and an e-mail another service reports is not proof that this person holds
it, so a new account gets a reserved, never-delivered placeholder address (as phone sign-up does)
and no e-mails until its owner adds a real address. An existing person links an app from their
connections page (allauth's "connect"), which is the only way an app reaches an existing account.
"""

from __future__ import annotations

import hashlib
from typing import Any

from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django.conf import settings
from django.http import Http404

PLACEHOLDER_DOMAIN = "signin.invalid"  # RFC 2606: reserved, never delivered


class AppNotConfigured(SocialApp.DoesNotExist, Http404):
    """A provider this deployment has no app for: a 404 to the browser, still "no app" to allauth."""


class WorkplaceSocialAdapter(DefaultSocialAccountAdapter):
    def get_app(self, request: Any, provider: Any, client_id: Any = None) -> Any:
        try:
            return super().get_app(request, provider, client_id=client_id)
        except SocialApp.DoesNotExist as exc:
            raise AppNotConfigured(str(provider)) from exc

    def populate_user(self, request: Any, sociallogin: Any, data: dict[str, Any]) -> Any:
        user = sociallogin.user
        account = sociallogin.account
        digest = hashlib.sha256(f"{account.provider}:{account.uid}".encode()).hexdigest()[:24]
        user.email = f"{account.provider}.{digest}@{PLACEHOLDER_DOMAIN}"
        user.display_name = str(data.get("name") or data.get("username") or "")[:120]
        user.email_notifications = False
        codes = [code for code, _name in settings.LANGUAGES]
        language = getattr(request, "LANGUAGE_CODE", "") if request is not None else ""
        user.language = language if language in codes else ""
        return user

    def is_auto_signup_allowed(self, request: Any, sociallogin: Any) -> bool:
        return True
