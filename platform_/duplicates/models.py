"""Flags of possible duplicates, and the cached MinHash signatures they are found with."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Method(models.TextChoices):
    FILE = "file", _("Same file")
    TEXT = "text", _("Similar text")


class FlagStatus(models.TextChoices):
    OPEN = "open", _("Open")
    NEW_VERSION = "new_version", _("Linked as a new version")
    CITED = "cited", _("Cited")
    NOT_DUPLICATE = "not_duplicate", _("Not a duplicate")


class DuplicateFlag(models.Model):
    """A submitted object (``kind``, ``subject_id``) that resembles something its submitter could see."""

    kind = models.CharField(_("kind"), max_length=40)
    subject_id = models.BigIntegerField(_("submitted object"))
    match_kind = models.CharField(_("kind of the match"), max_length=40)
    match_id = models.BigIntegerField(_("match"))
    method = models.CharField(_("method"), max_length=8, choices=Method.choices)
    similarity = models.FloatField(_("similarity"))
    status = models.CharField(_("status"), max_length=16, choices=FlagStatus.choices, default=FlagStatus.OPEN)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("submitter")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("flagged"), auto_now_add=True)

    class Meta:
        ordering = ["-similarity", "id"]
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject_id", "match_kind", "match_id"], name="one_flag_per_subject_and_match"
            )
        ]
        indexes = [models.Index(fields=["kind", "subject_id"], name="duplicates_flag_subject")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.subject_id} ~ {self.match_kind}:{self.match_id} ({self.similarity})"


class Signature(models.Model):
    """The MinHash of an object's text, kept while the text it was computed from (``digest``) holds."""

    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    digest = models.CharField(max_length=40)
    minhash = models.BinaryField(null=True)  # None: the text is too short to compare

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_signature_per_object")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"
