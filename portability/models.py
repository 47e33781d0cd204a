"""The export request: who asked for which firm's data, how far the build is, and the ZIP until it expires."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from platform_.identity.models import Firm


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being built")
    COMPLETE = "complete", _("Ready to download")
    FAILED = "failed", _("Failed")
    EXPIRED = "expired", _("Expired")


def export_upload_to(instance: DataExport, filename: str) -> str:
    # A random directory: the name says nothing about the firm to someone who lists the storage.
    return f"exports/firms/{secrets.token_hex(16)}/{filename}"


class DataExport(models.Model):
    """One request for a firm's data; the ZIP is kept until ``expires_at``, then deleted."""

    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="data_exports", verbose_name=_("firm"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED, db_index=True
    )
    progress = models.FloatField(_("progress"), default=0.0)
    stage = models.CharField(_("stage"), max_length=40, blank=True)
    file = models.FileField(_("file"), upload_to=export_upload_to, blank=True, max_length=300)
    size = models.PositiveBigIntegerField(_("size (bytes)"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    error = models.TextField(_("error"), blank=True)
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")

    def __str__(self) -> str:
        return f"{self.firm} #{self.pk} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("portability:download", args=[self.pk])
