"""Rounds of a design challenge (phases and their shortlists), evaluator assignments, reviews and appeals."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from projects.models import Entry, Judge, Project


class Phase(models.Model):
    """One phase of a multi-phase challenge (e.g. qualifying, then final), with its deadline and entry
    rules. A project without phases has one implicit phase: its own deadline."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="phases")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=120)
    deadline = models.DateTimeField(_("deadline for entries"))
    rules = models.TextField(_("entry rules"), blank=True)
    shortlist_limit = models.PositiveSmallIntegerField(
        _("most entries shortlisted for the next phase"), null=True, blank=True
    )
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)

    class Meta:
        ordering = ["project_id", "number"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [models.UniqueConstraint(fields=["project", "number"], name="one_number_per_project_phase")]

    def __str__(self) -> str:
        return f"{self.project}: {self.number}. {self.name}"


class Assignment(models.Model):
    """An entry given to a judge to review in a phase; once a phase has assignments, judges score only theirs."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="assignments")
    phase_number = models.PositiveSmallIntegerField(_("phase"), default=1)
    judge = models.ForeignKey(Judge, on_delete=models.CASCADE, related_name="assignments")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="assignments")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    automatic = models.BooleanField(_("assigned automatically"), default=False)
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)

    class Meta:
        ordering = ["judge_id", "entry_id"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["judge", "entry", "phase_number"], name="one_assignment_per_judge_entry")
        ]

    def __str__(self) -> str:
        return f"{self.judge} → {self.entry}"


class Review(models.Model):
    """A judge's notes on an entry in a phase, beside the scores: a private note for the panel and
    the sponsor, and a note to the solver shown to its team once the scores are published."""

    judge = models.ForeignKey(Judge, on_delete=models.CASCADE, related_name="reviews")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="reviews")
    phase_number = models.PositiveSmallIntegerField(_("phase"), default=1)
    private_note = models.TextField(_("private note (panel and sponsor only)"), blank=True)
    solver_note = models.TextField(_("note to the solver"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["entry_id", "judge_id"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["judge", "entry", "phase_number"], name="one_review_per_judge_entry")
        ]

    def __str__(self) -> str:
        return f"{self.judge}: {self.entry}"


class AppealStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the panel")
    UPHELD = "upheld", _("Upheld")
    REJECTED = "rejected", _("Rejected")


def appeal_upload_to(instance: Appeal, filename: str) -> str:
    return f"projects/appeals/{instance.entry_id}/{filename}"


class Appeal(models.Model):
    """A solver's appeal against the published scores of its entry, and the panel's answer."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="appeals")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="appeals")
    phase_number = models.PositiveSmallIntegerField(_("phase"), default=1)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.TextField(_("reason"))
    attachment = models.FileField(_("attachment"), upload_to=appeal_upload_to, max_length=400, blank=True)
    attachment_sha256 = models.CharField(_("SHA-256 of the attachment"), max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=AppealStatus.choices, default=AppealStatus.PENDING)
    answer = models.TextField(_("the panel's answer"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    filed_at = models.DateTimeField(_("filed"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["filed_at", "id"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "phase_number"], condition=Q(status="pending"), name="one_pending_appeal_per_entry"
            )
        ]

    def __str__(self) -> str:
        return f"{self.entry}: {self.get_status_display()}"
