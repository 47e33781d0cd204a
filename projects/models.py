"""Design challenges: the brief and its terms, Q&A, solver teams and sealed entries, judging and award."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from platform_.identity.models import Firm


class ProjectKind(models.TextChoices):
    IDEATION = "ideation", _("Ideation")
    DESIGN = "design", _("Design (reduction to practice)")
    RFP = "rfp", _("Request for proposals")


class Eligibility(models.TextChoices):
    OPEN = "open", _("Open to every firm")
    CLUSTERS = "clusters", _("Members of chosen clusters")
    INVITED = "invited", _("Invited firms only")


class IpTerms(models.TextChoices):
    ASSIGNMENT = "assignment", _("Assignment: the sponsor owns the winning design")
    EXCLUSIVE = "exclusive", _("Exclusive licence to the sponsor")
    NON_EXCLUSIVE = "non_exclusive", _("Non-exclusive licence to the sponsor")


class ProjectStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    OPEN = "open", _("Open for entries")
    CLOSED = "closed", _("Closed for entries")
    JUDGING = "judging", _("Judging")
    AWARDED = "awarded", _("Awarded")
    CANCELLED = "cancelled", _("Cancelled")


class Project(models.Model):
    """A design challenge posted by a sponsor firm, possibly on behalf of a cluster."""

    sponsor = models.ForeignKey(
        Firm, on_delete=models.PROTECT, related_name="sponsored_projects", verbose_name=_("sponsor")
    )
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("on behalf of cluster"),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField(_("type"), max_length=10, choices=ProjectKind.choices, default=ProjectKind.DESIGN)
    title = models.CharField(_("title"), max_length=200)
    brief = models.TextField(_("public brief"))
    requirements = models.TextField(_("requirements"), blank=True)
    confidential_brief = models.TextField(
        _("confidential brief"),
        blank=True,
        help_text=_("Shown only to solvers who have accepted the terms."),
    )
    terms = models.TextField(_("terms of participation"), blank=True)
    eligibility = models.CharField(
        _("who may take part"), max_length=10, choices=Eligibility.choices, default=Eligibility.OPEN
    )
    eligible_clusters = models.ManyToManyField(
        Cluster, blank=True, related_name="eligible_projects", verbose_name=_("eligible clusters")
    )
    invited_firms = models.ManyToManyField(
        Firm, blank=True, related_name="project_invitations", verbose_name=_("invited firms")
    )
    award_amount = models.DecimalField(
        _("award (CNY)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    award_other = models.CharField(_("non-monetary award"), max_length=300, blank=True)
    ip_terms = models.CharField(_("IP terms"), max_length=14, choices=IpTerms.choices, default=IpTerms.NON_EXCLUSIVE)
    deadline = models.DateTimeField(_("deadline for entries"))
    status = models.CharField(
        _("status"), max_length=10, choices=ProjectStatus.choices, default=ProjectStatus.DRAFT, db_index=True
    )
    status_reason = models.TextField(_("reason for the last change"), blank=True)
    rubric_frozen_at = models.DateTimeField(_("rubric frozen"), null=True, blank=True)
    panel_closed_at = models.DateTimeField(_("scores published"), null=True, blank=True)
    # Rounds and evaluation (see projects/models_rounds.py): the phase now running, 1 for a one-phase project.
    phase_number = models.PositiveSmallIntegerField(_("current phase"), default=1)
    min_reviews = models.PositiveSmallIntegerField(
        _("reviews needed before an entry is ranked"), default=1, validators=[MinValueValidator(1)]
    )
    normalise_scores = models.BooleanField(_("show per-judge normalised scores (z-scores)"), default=False)
    appeal_window_hours = models.PositiveSmallIntegerField(
        _("appeal window (hours after the scores are published)"), default=72
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("design project")
        verbose_name_plural = _("design projects")
        constraints = [
            models.CheckConstraint(
                condition=~Q(award_amount__isnull=True) | ~Q(award_other=""), name="project_has_an_award"
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="projects_status_deadline")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.pk])


class ProjectTransition(models.Model):
    """One change of a project's status: the history that is never rewritten."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("action"), max_length=20)
    from_status = models.CharField(_("from"), max_length=10)
    to_status = models.CharField(_("to"), max_length=10)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("project transition")
        verbose_name_plural = _("project transitions")

    def __str__(self) -> str:
        return f"{self.action}: {self.from_status} → {self.to_status}"

    @property
    def summary(self) -> str:
        """The transition as a sentence in the active language (``projects.history``)."""
        from projects.history import transition_summary

        return transition_summary(self)


class TermsAcceptance(models.Model):
    """A solver firm accepted the terms (and so may read the confidential brief)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="acceptances")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="project_acceptances")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    terms_sha256 = models.CharField(_("SHA-256 of the accepted terms"), max_length=64)
    accepted_at = models.DateTimeField(_("accepted"), auto_now_add=True)

    class Meta:
        ordering = ["accepted_at"]
        verbose_name = _("acceptance of terms")
        verbose_name_plural = _("acceptances of terms")
        constraints = [models.UniqueConstraint(fields=["project", "firm"], name="one_acceptance_per_firm")]

    def __str__(self) -> str:
        return f"{self.firm} accepted {self.project}"


class Question(models.Model):
    """A solver's question; the sponsor answers it publicly (all solvers see it) or privately."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="questions")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="+")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("question"))
    answer = models.TextField(_("answer"), blank=True)
    public = models.BooleanField(_("answer publicly"), default=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    asked_at = models.DateTimeField(_("asked"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:80]


class Team(models.Model):
    """A solver team of one or more firms, each with a contribution share; one entry per team."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("team name"), max_length=120)
    lead = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="+", verbose_name=_("lead firm"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("solver team")
        verbose_name_plural = _("solver teams")

    def __str__(self) -> str:
        return self.name


class TeamFirm(models.Model):
    """A firm on a team, with its share: the lead, or a firm whose owners accepted a ``TeamInvitation``.
    Only these rows make a firm a member, so only accepted membership counts anywhere."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="members")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="project_teams")
    share = models.DecimalField(_("contribution share"), max_digits=7, decimal_places=6)

    class Meta:
        ordering = ["team_id", "-share", "id"]
        verbose_name = _("team firm")
        verbose_name_plural = _("team firms")
        constraints = [
            # A firm takes part in a project through one team only.
            models.UniqueConstraint(fields=["project", "firm"], name="one_team_per_project_and_firm"),
            models.CheckConstraint(condition=Q(share__gt=0) & Q(share__lte=1), name="team_share_in_0_1"),
        ]

    def __str__(self) -> str:
        return f"{self.firm} ({self.share})"


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the firm's answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class TeamInvitation(models.Model):
    """A lead firm asks another firm to join its team with a share; only the invited firm's owners or
    administrators answer, and only on acceptance does the firm become a member (a ``TeamFirm``)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="invitations")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="project_team_invitations")
    share = models.DecimalField(_("contribution share"), max_digits=7, decimal_places=6)
    status = models.CharField(
        _("status"), max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("team invitation")
        verbose_name_plural = _("team invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "firm"], condition=Q(status="pending"), name="one_pending_invitation_per_team_firm"
            ),
            models.CheckConstraint(condition=Q(share__gt=0) & Q(share__lt=1), name="team_invitation_share_in_0_1"),
        ]

    def __str__(self) -> str:
        return f"{self.firm} → {self.team} ({self.share})"


class EntryOutcome(models.TextChoices):
    NONE = "", _("Not shortlisted")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    WINNER = "winner", _("Winner")


class Entry(models.Model):
    """A team's sealed entry: its versions until the deadline, the last one counts."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="entries")
    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="entry")
    title = models.CharField(_("title"), max_length=200)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=EntryOutcome.choices, blank=True, default=EntryOutcome.NONE
    )
    feedback = models.TextField(_("feedback to the solvers"), blank=True)
    cited_assets = models.ManyToManyField(
        "knowledge.Asset", blank=True, related_name="cited_by_entries", verbose_name=_("knowledge assets it builds on")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("entry")
        verbose_name_plural = _("entries")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:entry", args=[self.project_id, self.pk])

    @property
    def latest(self) -> EntryVersion | None:
        return self.versions.order_by("-number").first()


class EntryVersion(models.Model):
    """One immutable version of an entry, with the server's timestamp and a content digest."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    description = models.TextField(_("description"), blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    submitted_at = models.DateTimeField(_("received (server time)"))
    phase_number = models.PositiveSmallIntegerField(_("phase"), default=1)
    digest = models.CharField(_("SHA-256 of the version"), max_length=64)

    class Meta:
        ordering = ["entry_id", "number"]
        verbose_name = _("entry version")
        verbose_name_plural = _("entry versions")
        constraints = [models.UniqueConstraint(fields=["entry", "number"], name="one_number_per_entry_version")]

    def __str__(self) -> str:
        return f"{self.entry} v{self.number}"


def entry_file_upload_to(instance: EntryFile, filename: str) -> str:
    return f"projects/entries/{instance.version.entry_id}/{instance.sha256}/{filename}"


class EntryFile(models.Model):
    version = models.ForeignKey(EntryVersion, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to=entry_file_upload_to, max_length=400)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        ordering = ["version_id", "id"]
        verbose_name = _("entry file")
        verbose_name_plural = _("entry files")

    def __str__(self) -> str:
        return self.name


class Judge(models.Model):
    """A member of the project's judging panel."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="judges")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="judging")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("judge")
        verbose_name_plural = _("judges")
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="one_seat_per_judge")]

    def __str__(self) -> str:
        return str(self.user)


class Criterion(models.Model):
    """One weighted criterion of the rubric, scored on an integer scale; frozen once judging starts."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(
        _("weight"), max_digits=6, decimal_places=3, validators=[MinValueValidator(Decimal("0.001"))]
    )
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=0)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=10)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(condition=Q(scale_max__gt=models.F("scale_min")), name="criterion_scale_valid"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive"),
        ]

    def __str__(self) -> str:
        return self.name


class ConflictDeclaration(models.Model):
    """A judge declares a conflict with a team and so does not score its entry."""

    judge = models.ForeignKey(Judge, on_delete=models.CASCADE, related_name="declarations")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("reason"))
    declared_at = models.DateTimeField(_("declared"), auto_now_add=True)

    class Meta:
        verbose_name = _("declared conflict")
        verbose_name_plural = _("declared conflicts")
        constraints = [models.UniqueConstraint(fields=["judge", "team"], name="one_declaration_per_judge_team")]

    def __str__(self) -> str:
        return f"{self.judge} / {self.team}"


class Score(models.Model):
    """One judge's score of one entry on one criterion; hidden from the others until the panel closes."""

    judge = models.ForeignKey(Judge, on_delete=models.CASCADE, related_name="scores")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)
    phase_number = models.PositiveSmallIntegerField(_("phase"), default=1)
    scored_at = models.DateTimeField(_("scored"), auto_now=True)

    class Meta:
        ordering = ["entry_id", "criterion_id", "judge_id"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["judge", "entry", "criterion", "phase_number"], name="one_score_per_judge_entry_crit_phase"
            )
        ]

    def __str__(self) -> str:
        return f"{self.judge}: {self.entry} / {self.criterion} = {self.value}"


class Award(models.Model):
    """The award made to a winning entry, and the knowledge asset it became."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="awards")
    entry = models.OneToOneField(Entry, on_delete=models.PROTECT, related_name="award")
    amount = models.DecimalField(_("amount (CNY)"), max_digits=14, decimal_places=2, null=True, blank=True)
    non_monetary = models.CharField(_("non-monetary award"), max_length=300, blank=True)
    ip_terms = models.CharField(_("IP terms"), max_length=14, choices=IpTerms.choices)
    asset = models.ForeignKey(
        "knowledge.Asset",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="project_awards",
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
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self) -> str:
        return f"{self.project}: {self.entry}"


# Rounds, assignments, reviews and appeals live in their own module; importing them here registers them.
# Signed IP transfers (projects/models_esign.py); importing them here registers them.
from projects.models_esign import (  # noqa: E402, F401
    DocumentKind,
    IpTransfer,
    TransferDocument,
    TransferParty,
    TransferSide,
    TransferStatus,
)
from projects.models_rounds import Appeal, AppealStatus, Assignment, Phase, Review  # noqa: E402, F401

# The types' own models (ideas, proposals, contracts) live in their module; importing it here registers them.
from projects.models_types import (  # noqa: E402, F401
    Contract,
    ContractMilestone,
    Idea,
    IdeaComment,
    IdeaCredit,
    IdeaSupport,
    Ideation,
    MilestoneEvent,
    MilestoneStatus,
    Proposal,
    ProposalMilestone,
)
