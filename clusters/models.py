"""Clusters, their moderators, and firms' memberships with the history of every transition."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from platform_.identity.models import Firm, Sector, localized
from platform_.identity.regions import Province


class JoinPolicy(models.TextChoices):
    OPEN = "open", _("Open: any firm may join")
    APPLICATION = "application", _("By application: moderators approve")
    INVITATION = "invitation", _("By invitation only")


class ClusterStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    ARCHIVED = "archived", _("Archived")


class ReviewPolicy(models.TextChoices):
    BEFORE = "before", _("Review before publishing")
    AFTER = "after", _("Publish at once, review after")


class Cluster(models.Model):
    """A virtual industry cluster: a theme, rules for joining, moderators and member firms."""

    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    theme = models.CharField(_("theme (sector or value chain)"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    sectors = models.ManyToManyField(Sector, related_name="clusters", verbose_name=_("sectors"))
    home_province = models.CharField(
        _("home belt province"), max_length=2, choices=Province.choices, blank=True, db_index=True
    )
    home_belt = models.CharField(
        _("home belt"),
        max_length=200,
        blank=True,
        help_text=_("The geographic industry belt this cluster mirrors, if any."),
    )
    join_policy = models.CharField(
        _("who may join"), max_length=12, choices=JoinPolicy.choices, default=JoinPolicy.APPLICATION
    )
    asset_review = models.CharField(
        _("review of shared assets"), max_length=6, choices=ReviewPolicy.choices, default=ReviewPolicy.BEFORE
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ClusterStatus.choices, default=ClusterStatus.PROPOSED, db_index=True
    )
    proposed_by = models.ForeignKey(
        Firm, on_delete=models.PROTECT, related_name="proposed_clusters", verbose_name=_("proposed by")
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by (person)"),
    )
    moderators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="moderated_clusters", blank=True, verbose_name=_("moderators")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Active memberships, kept by a PostgreSQL trigger on the memberships table (migration 0003), so that
    # every write counts: services, factories, bulk inserts, cascades. Django never writes it (see save).
    member_count = models.PositiveIntegerField(_("Member firms"), default=0, editable=False)

    class Meta:
        ordering = ["id"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        constraints = [
            models.CheckConstraint(condition=~Q(name_zh="") | ~Q(name_en=""), name="cluster_has_a_name"),
        ]
        indexes = [models.Index(fields=["status", "-member_count", "id"], name="cluster_directory_order")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        """An update never writes member_count: the instance's value may be older than the trigger's."""
        if not self._state.adding and kwargs.get("update_fields") is None and not kwargs.get("force_insert"):
            fields = self._meta.concrete_fields
            kwargs["update_fields"] = [f.name for f in fields if not f.primary_key and f.name != "member_count"]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("clusters:detail", args=[self.slug])

    @property
    def name(self) -> str:
        return localized(self.name_zh, self.name_en)


class MembershipStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    APPLIED = "applied", _("Applied")
    ACTIVE = "active", _("Member")
    DECLINED = "declined", _("Invitation declined")
    REJECTED = "rejected", _("Application rejected")
    WITHDRAWN = "withdrawn", _("Application withdrawn")
    LEFT = "left", _("Left")
    REMOVED = "removed", _("Removed")


OPEN_STATUSES = (MembershipStatus.INVITED, MembershipStatus.APPLIED, MembershipStatus.ACTIVE)


class ClusterMembership(models.Model):
    """One firm's membership of one cluster, from application or invitation to its end.

    A firm has at most one open (invited, applied or active) membership per cluster; closed
    ones stay as history, and a new application opens a new row.
    """

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="memberships")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="cluster_memberships")
    status = models.CharField(_("status"), max_length=10, choices=MembershipStatus.choices, db_index=True)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    joined_at = models.DateTimeField(_("joined"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("cluster membership")
        verbose_name_plural = _("cluster memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "firm"],
                condition=Q(status__in=["invited", "applied", "active"]),
                name="one_open_membership_per_cluster_and_firm",
            )
        ]
        indexes = [models.Index(fields=["firm", "status"]), models.Index(fields=["cluster", "status"])]

    def __str__(self) -> str:
        return f"{self.firm} in {self.cluster}: {self.get_status_display()}"


class MembershipEvent(models.Model):
    """One transition of a membership: the history that is never rewritten."""

    membership = models.ForeignKey(ClusterMembership, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=10)
    from_status = models.CharField(_("from"), max_length=10, blank=True)
    to_status = models.CharField(_("to"), max_length=10)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("membership event")
        verbose_name_plural = _("membership events")

    def __str__(self) -> str:
        return f"{self.action}: {self.from_status or '∅'} → {self.to_status}"

    @property
    def summary(self) -> str:
        """The event as a sentence in the active language (``clusters.history``)."""
        from clusters.history import event_summary

        return event_summary(self)


class ModeratorInvitationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class ModeratorInvitation(models.Model):
    """A moderator asks a person to moderate the cluster too; the person becomes one only by accepting
    (co-moderating counts as a tie, for conflicts of interest among others)."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="moderator_invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderator_invitations")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=ModeratorInvitationStatus.choices,
        default=ModeratorInvitationStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("moderator invitation")
        verbose_name_plural = _("moderator invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "user"], condition=Q(status="pending"), name="one_pending_moderator_invitation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.cluster}: {self.get_status_display()}"
