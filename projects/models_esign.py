"""Signed IP transfers: the award's IP assignment sent for electronic signature, each side's signature,
and the documents as immutable versions with their SHA-256."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TransferStatus(models.TextChoices):
    SENT = "sent", _("Sent for signature")
    COMPLETED = "completed", _("Signed by both sides")


class IpTransfer(models.Model):
    """The written assignment of an award's IP, sent through an e-sign provider."""

    award = models.OneToOneField("projects.Award", on_delete=models.PROTECT, related_name="ip_transfer")
    provider = models.CharField(_("e-sign provider"), max_length=100)
    flow_id = models.CharField(_("provider's flow"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=TransferStatus.choices, default=TransferStatus.SENT)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("IP transfer")
        verbose_name_plural = _("IP transfers")

    def __str__(self) -> str:
        return f"IP transfer of award {self.award_id}"


class TransferSide(models.TextChoices):
    ASSIGNOR = "assignor", _("Assignor")
    ASSIGNEE = "assignee", _("Assignee")


class TransferParty(models.Model):
    """One firm that signs: the assignee (the sponsor) or an assignor (a firm of the winning team)."""

    transfer = models.ForeignKey(IpTransfer, on_delete=models.CASCADE, related_name="parties")
    firm = models.ForeignKey("identity.Firm", on_delete=models.PROTECT, related_name="+")
    side = models.CharField(_("side"), max_length=10, choices=TransferSide.choices)
    sign_url = models.URLField(_("signing page"), max_length=1000, blank=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["transfer", "side", "id"]
        constraints = [models.UniqueConstraint(fields=["transfer", "firm"], name="projects_transfer_party_once")]

    def __str__(self) -> str:
        return f"{self.get_side_display()}: {self.firm_id}"


class DocumentKind(models.TextChoices):
    SENT = "sent", _("As sent for signature")
    SIGNED = "signed", _("Signed")


def transfer_document_upload_to(instance: TransferDocument, filename: str) -> str:
    return f"projects/transfers/{instance.transfer_id}/{instance.sha256}/{filename}"


class TransferDocument(models.Model):
    """One version of the assignment's PDF; never changed or deleted once written."""

    transfer = models.ForeignKey(IpTransfer, on_delete=models.PROTECT, related_name="documents")
    number = models.PositiveIntegerField(_("version"))
    kind = models.CharField(_("kind"), max_length=8, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=transfer_document_upload_to, max_length=400)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["transfer", "number"]
        constraints = [models.UniqueConstraint(fields=["transfer", "number"], name="projects_transfer_doc_once")]

    def __str__(self) -> str:
        return f"{self.transfer} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("A transfer document version is immutable.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("A transfer document version is immutable.")
