"""What makes the challenge types differ: ideation's ideas (sealed or open, with comments, supports and
merges) and RFP's proposals, priced in CNY with milestones, whose selection becomes a contract."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from platform_.identity.models import Firm
from projects.models import IpTerms, Project, Team

IDEA_MAX_LENGTH = 1000
COMMENT_MAX_LENGTH = 1000


class Ideation(models.Model):
    """The sponsor's choice for an ideation challenge: sealed (default) or open ideas."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="ideation")
    open = models.BooleanField(
        _("open ideation"),
        default=False,
        help_text=_("Participants see each other's ideas, comment on them and support them."),
    )
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    set_at = models.DateTimeField(_("set"), auto_now=True)

    class Meta:
        verbose_name = _("ideation setting")
        verbose_name_plural = _("ideation settings")

    def __str__(self) -> str:
        return f"{self.project}: {'open' if self.open else 'sealed'}"


class Idea(models.Model):
    """A short idea of a participating firm; a merged idea points at the one that absorbed it."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="ideas")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="project_ideas")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("idea"), max_length=IDEA_MAX_LENGTH)
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="absorbed", verbose_name=_("merged into")
    )
    merged_at = models.DateTimeField(_("merged"), null=True, blank=True)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        constraints = [
            models.CheckConstraint(condition=~Q(merged_into=models.F("id")), name="idea_not_merged_into_itself"),
        ]

    def __str__(self) -> str:
        return self.title


class IdeaCredit(models.Model):
    """A firm (and person) credited on an idea: its author, and the authors of ideas merged into it."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="credits")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    via = models.ForeignKey(
        Idea,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("credited through the merged idea"),
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("idea credit")
        verbose_name_plural = _("idea credits")
        constraints = [models.UniqueConstraint(fields=["idea", "firm"], name="one_credit_per_idea_firm")]

    def __str__(self) -> str:
        return f"{self.firm} / {self.idea}"


class IdeaComment(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment on an idea")
        verbose_name_plural = _("comments on ideas")

    def __str__(self) -> str:
        return self.text[:80]


class IdeaSupport(models.Model):
    """One person's support of an idea (once per person, never their own firm's idea)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("supported"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("support of an idea")
        verbose_name_plural = _("supports of ideas")
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="one_support_per_idea_person")]

    def __str__(self) -> str:
        return f"{self.user} + {self.idea}"


def _cny(verbose: Any) -> models.DecimalField:
    return models.DecimalField(verbose, max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal(0))])


class Proposal(models.Model):
    """A team's sealed proposal to an RFP: its price, delivery time and milestones."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="proposals")
    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="proposal")
    summary = models.TextField(_("approach"), max_length=8000)
    price = _cny(_("price (CNY)"))
    delivery_days = models.PositiveIntegerField(_("delivery time (days)"), validators=[MinValueValidator(1)])
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    submitted_at = models.DateTimeField(_("submitted"), auto_now=True)
    selected_at = models.DateTimeField(_("selected"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.CheckConstraint(condition=Q(price__gte=0), name="proposal_price_not_negative"),
            models.CheckConstraint(condition=Q(delivery_days__gte=1), name="proposal_delivery_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.team}: ¥{self.price}"


class ProposalMilestone(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="milestones")
    position = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("milestone"), max_length=200)
    amount = _cny(_("payment (CNY)"))
    due_days = models.PositiveIntegerField(_("due (days after the start)"))

    class Meta:
        ordering = ["proposal_id", "position"]
        verbose_name = _("proposed milestone")
        verbose_name_plural = _("proposed milestones")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "position"], name="one_position_per_proposal_milestone")
        ]

    def __str__(self) -> str:
        return self.title


class Contract(models.Model):
    """The award of an RFP: the selected proposal's terms, frozen, between the sponsor and the supplier team."""

    project = models.OneToOneField(Project, on_delete=models.PROTECT, related_name="contract")
    proposal = models.OneToOneField(Proposal, on_delete=models.PROTECT, related_name="contract")
    supplier = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+", verbose_name=_("supplier"))
    price = _cny(_("price (CNY)"))
    delivery_days = models.PositiveIntegerField(_("delivery time (days)"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("signed"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")

    def __str__(self) -> str:
        return f"{self.project}: {self.supplier}"


class MilestoneStatus(models.TextChoices):
    PENDING = "pending", _("Not yet delivered")
    SUBMITTED = "submitted", _("Delivered, waiting for the sponsor")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned for rework")


class ContractMilestone(models.Model):
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="milestones")
    position = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("milestone"), max_length=200)
    amount = _cny(_("payment (CNY)"))
    due_date = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=10, choices=MilestoneStatus.choices, default=MilestoneStatus.PENDING
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["contract_id", "position"]
        verbose_name = _("contract milestone")
        verbose_name_plural = _("contract milestones")
        constraints = [
            models.UniqueConstraint(fields=["contract", "position"], name="one_position_per_contract_milestone")
        ]

    def __str__(self) -> str:
        return self.title


class MilestoneEvent(models.Model):
    """The record of a milestone: each delivery and each decision, with its note; never rewritten."""

    milestone = models.ForeignKey(ContractMilestone, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=10)
    note = models.TextField(_("note"), blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("milestone event")
        verbose_name_plural = _("milestone events")

    def __str__(self) -> str:
        return f"{self.milestone}: {self.action}"


class IdeaAward(models.Model):
    """An ideation's award to a winning idea: every firm credited on it (its author and the authors of
    the ideas merged into it) shares the credit, and the idea becomes a knowledge asset."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="idea_awards")
    idea = models.OneToOneField(Idea, on_delete=models.PROTECT, related_name="award")
    amount = models.DecimalField(_("amount (CNY)"), max_digits=14, decimal_places=2, null=True, blank=True)
    non_monetary = models.CharField(_("non-monetary award"), max_length=300, blank=True)
    ip_terms = models.CharField(_("IP terms"), max_length=14, choices=IpTerms.choices)
    asset = models.ForeignKey(
        "knowledge.Asset",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="idea_awards",
        verbose_name=_("knowledge asset"),
    )
    brief_asset = models.ForeignKey(
        "knowledge.Asset",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("brief as an asset"),
    )
    awarded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    awarded_at = models.DateTimeField(_("awarded"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("award to an idea")
        verbose_name_plural = _("awards to ideas")

    def __str__(self) -> str:
        return f"{self.project}: {self.idea}"
