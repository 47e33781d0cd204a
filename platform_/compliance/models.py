"""The privacy policy's recorded versions and each person's consent to each purpose, given and withdrawn."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    """What a consent is for (PIPL art. 14: consent is specific to a purpose; art. 23, 39: separate consent)."""

    ACCOUNT = "account", _("Processing my personal data to run my account")
    PARTNERS = "partners", _("Giving my name and e-mail address to partners' software through the API")
    AGENCIES = "agencies", _("Giving my name and e-mail address to public agencies")
    CROSS_BORDER = "cross_border", _("Giving my name and e-mail address to partners outside mainland China")


# The purposes a person may give or withdraw on their own page; ACCOUNT is withdrawn by deleting the account.
SHARING_PURPOSES = (Purpose.PARTNERS, Purpose.AGENCIES, Purpose.CROSS_BORDER)


class PolicyVersion(models.Model):
    """One published text of the privacy policy, in both languages, with the hash consents refer to."""

    version = models.CharField(_("version"), max_length=40, unique=True)
    text_zh = models.TextField(_("Chinese text"))
    text_en = models.TextField(_("English text"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, editable=False)
    published_at = models.DateTimeField(_("published"), db_index=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("privacy policy version")
        verbose_name_plural = _("privacy policy versions")

    def __str__(self) -> str:
        return self.version


class Consent(models.Model):
    """A person's consent to one purpose under one version of the policy; withdrawn, it stays as a record."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents", verbose_name=_("person")
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    policy = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="+", verbose_name=_("policy"))
    policy_sha256 = models.CharField(_("policy SHA-256"), max_length=64)
    given_at = models.DateTimeField(_("given"), auto_now_add=True)
    client_ip = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    client_agent = models.CharField(_("client"), max_length=300, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at", "-id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "purpose"], condition=Q(withdrawn_at__isnull=True), name="one_active_consent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.purpose} {self.policy_id}"
