"""A person's mobile number (their sign-in by SMS code) and the codes sent to numbers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PhoneNumber(models.Model):
    """A verified mainland mobile number in +86 form; one per person, one person per number."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="phone", verbose_name=_("person")
    )
    number = models.CharField(_("mobile number"), max_length=20, unique=True)
    verified_at = models.DateTimeField(_("verified"))

    class Meta:
        verbose_name = _("mobile number")
        verbose_name_plural = _("mobile numbers")

    def __str__(self) -> str:
        return self.number


class SmsCode(models.Model):
    """A one-time code sent to a number; only its keyed hash is kept, and it is used at most once."""

    number = models.CharField(_("mobile number"), max_length=20, db_index=True)
    code_hash = models.CharField(max_length=64, editable=False)
    client = models.CharField(_("client"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("SMS code")
        verbose_name_plural = _("SMS codes")

    def __str__(self) -> str:
        return f"{self.number} ({self.created_at:%Y-%m-%d %H:%M})"
