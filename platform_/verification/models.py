"""A firm's request to be verified, with the business licence a platform administrator reviews."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from platform_.identity.models import Firm


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Refused")


class VerificationRequest(models.Model):
    firm = models.ForeignKey(
        Firm, on_delete=models.CASCADE, related_name="verification_requests", verbose_name=_("firm")
    )
    provider = models.CharField(_("provider"), max_length=40)
    legal_representative = models.CharField(_("legal representative"), max_length=100)
    licence = models.FileField(_("business licence"), upload_to="verification/licences/", blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING, db_index=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("submitted by")
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    reference = models.CharField(_("provider's reference"), max_length=100, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("verification request")
        verbose_name_plural = _("verification requests")

    def __str__(self) -> str:
        return f"{self.firm_id} {self.status}"
