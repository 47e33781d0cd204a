"""Knowledge assets: what firms share, its files and versions, the record of every use, and moderation."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from platform_.identity.models import Firm, localized


class KnowledgeCategory(models.Model):
    """One of the K knowledge categories of the spillover model (a two-level taxonomy)."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name=_("parent")
    )
    name_zh = models.CharField(_("Chinese name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=150)

    class Meta:
        ordering = ["code"]
        verbose_name = _("knowledge category")
        verbose_name_plural = _("knowledge categories")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self.name_zh, self.name_en)


class AssetKind(models.TextChoices):
    DOCUMENT = "document", _("Document")
    DESIGN = "design", _("Design")
    PATENT = "patent", _("Patent")
    KNOW_HOW = "know_how", _("Process know-how")
    DATASET = "dataset", _("Data set")


class Licence(models.TextChoices):
    CC0 = "cc0", _("CC0 (public domain dedication)")
    CC_BY = "cc_by", _("CC BY")
    CC_BY_SA = "cc_by_sa", _("CC BY-SA")
    CC_BY_NC = "cc_by_nc", _("CC BY-NC")
    CC_BY_ND = "cc_by_nd", _("CC BY-ND")
    CC_BY_NC_SA = "cc_by_nc_sa", _("CC BY-NC-SA")
    CC_BY_NC_ND = "cc_by_nc_nd", _("CC BY-NC-ND")
    PROPRIETARY = "proprietary", _("Proprietary, on the stated terms")
    PATENT = "patent", _("Patent licence")


class AccessLevel(models.TextChoices):
    PUBLIC = "public", _("Public")
    CLUSTERS = "clusters", _("Members of chosen clusters")
    FIRMS = "firms", _("Named firms")
    CONTRIBUTORS = "contributors", _("Contributors of chosen clusters")
    PRIVATE = "private", _("Private (owners only)")


class AssetStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING = "pending", _("Waiting for review")
    PUBLISHED = "published", _("Published")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    REJECTED = "rejected", _("Rejected")
    TAKEN_DOWN = "taken_down", _("Taken down")


class Asset(models.Model):
    """A piece of knowledge a firm shares: text, files, categories, owners, licence and access."""

    kind = models.CharField(_("kind"), max_length=10, choices=AssetKind.choices, default=AssetKind.DOCUMENT)
    title_zh = models.CharField(_("Chinese title"), max_length=300, blank=True)
    title_en = models.CharField(_("English title"), max_length=300, blank=True)
    summary_zh = models.TextField(_("Chinese summary"), blank=True)
    summary_en = models.TextField(_("English summary"), blank=True)
    body = models.TextField(_("body (Markdown)"), blank=True)
    licence = models.CharField(_("licence"), max_length=12, choices=Licence.choices, default=Licence.CC_BY)
    licence_terms = models.TextField(_("licence terms"), blank=True)
    access_level = models.CharField(
        _("access"), max_length=12, choices=AccessLevel.choices, default=AccessLevel.PUBLIC, db_index=True
    )
    access_clusters = models.ManyToManyField(
        Cluster, related_name="shared_assets", blank=True, verbose_name=_("clusters with access")
    )
    access_firms = models.ManyToManyField(
        Firm, related_name="granted_assets", blank=True, verbose_name=_("firms with access")
    )
    review_clusters = models.ManyToManyField(
        Cluster,
        related_name="reviewed_assets",
        blank=True,
        verbose_name=_("clusters that review it"),
        help_text=_("Set on submission: whose moderators review the asset."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AssetStatus.choices, default=AssetStatus.DRAFT, db_index=True
    )
    categories = models.ManyToManyField(
        KnowledgeCategory, related_name="assets", blank=True, verbose_name=_("categories")
    )
    tags = models.JSONField(_("tags"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    creation_cost = models.DecimalField(
        _("cost of creation (CNY)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    embargo_until = models.DateTimeField(
        _("under embargo until"),
        null=True,
        blank=True,
        help_text=_("Until then its description shows but its content and files do not (knowledge.embargo)."),
    )
    search_document = models.TextField(editable=False, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)
    # The words of its titles, summary and tags in the other language (knowledge.crosslingual), and
    # search_vector with them added: what cross-lingual search matches against.
    search_translations = models.TextField(editable=False, blank=True)
    search_vector_bilingual = SearchVectorField(null=True, editable=False)

    # Not stored: set on the instances a page shows (search results, the moderation queue).
    snippet: str
    body_html: str

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("knowledge asset")
        verbose_name_plural = _("knowledge assets")
        indexes = [
            GinIndex(fields=["search_vector"], name="knowledge_asset_search_gin"),
            GinIndex(fields=["search_vector_bilingual"], name="knowledge_asset_bilingual_gin"),
            models.Index(fields=["status", "access_level"], name="knowledge_asset_status_access"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(title_zh="") | ~Q(title_en=""), name="asset_has_a_title"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:detail", args=[self.pk])

    @property
    def title(self) -> str:
        return localized(self.title_zh, self.title_en)

    @property
    def summary(self) -> str:
        return localized(self.summary_zh, self.summary_en)


class AssetOwnership(models.Model):
    """A firm's share of an asset; the shares of one asset sum to 1."""

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="ownerships")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="asset_ownerships")
    share = models.DecimalField(_("share"), max_digits=7, decimal_places=6, default=Decimal(1))

    class Meta:
        ordering = ["asset_id", "id"]
        verbose_name = _("asset ownership")
        verbose_name_plural = _("asset ownerships")
        constraints = [
            models.UniqueConstraint(fields=["asset", "firm"], name="one_ownership_per_asset_and_firm"),
            models.CheckConstraint(condition=Q(share__gt=0) & Q(share__lte=1), name="ownership_share_in_0_1"),
        ]

    def __str__(self) -> str:
        return f"{self.firm} owns {self.share} of {self.asset}"


class CoOwnershipStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class CoOwnershipRequest(models.Model):
    """A firm names another as co-owner of its asset; the tie exists (an AssetOwnership) only once
    the named firm's owner or administrator accepts. Nothing but the decision reads these rows."""

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="coownership_requests")
    firm = models.ForeignKey(
        Firm, on_delete=models.CASCADE, related_name="coownership_requests", verbose_name=_("named firm")
    )
    from_firm = models.ForeignKey(
        Firm, on_delete=models.CASCADE, related_name="coownership_requests_sent", verbose_name=_("requesting firm")
    )
    share = models.DecimalField(_("share"), max_digits=7, decimal_places=6)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    status = models.CharField(
        _("status"),
        max_length=9,
        choices=CoOwnershipStatus.choices,
        default=CoOwnershipStatus.PENDING,
        db_index=True,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("co-ownership request")
        verbose_name_plural = _("co-ownership requests")
        constraints = [
            models.UniqueConstraint(
                fields=["asset", "firm"], condition=Q(status="pending"), name="one_pending_coownership_request"
            ),
            models.CheckConstraint(condition=Q(share__gt=0) & Q(share__lt=1), name="coownership_share_in_0_1"),
        ]

    def __str__(self) -> str:
        return f"{self.from_firm} → {self.firm} ({self.share} of {self.asset}): {self.get_status_display()}"


def version_upload_to(instance: AssetVersion, filename: str) -> str:
    return f"knowledge/{instance.asset_id}/{instance.sha256[:2]}/{instance.sha256}/{filename}"


class AssetVersion(models.Model):
    """One immutable file version of an asset, identified by its SHA-256."""

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=version_upload_to, max_length=400)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    content_type = models.CharField(_("type"), max_length=100)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    extracted_text = models.TextField(_("extracted text"), blank=True)
    preview = models.FileField(_("preview"), upload_to="knowledge/previews/", blank=True, max_length=400)
    preview_text = models.TextField(_("preview text"), blank=True)
    review_pending = models.BooleanField(
        _("waiting for review"),
        default=False,
        help_text=_("A new version of a published asset in a review-first cluster: only owners and moderators see it."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["asset_id", "-number"]
        verbose_name = _("asset version")
        verbose_name_plural = _("asset versions")
        constraints = [models.UniqueConstraint(fields=["asset", "number"], name="one_version_number_per_asset")]

    def __str__(self) -> str:
        return f"{self.original_name} v{self.number}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None and not kwargs.get("update_fields"):
            raise ValueError("Asset versions are immutable.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class LinkKind(models.TextChoices):
    CITATION = "citation", _("Citation")
    DERIVATION = "derivation", _("Derivation")


class AssetLink(models.Model):
    """An edge citing → cited: one asset cites, or builds on, another."""

    citing = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="outgoing_links")
    cited = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="incoming_links")
    kind = models.CharField(_("kind"), max_length=10, choices=LinkKind.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("asset link")
        verbose_name_plural = _("asset links")
        constraints = [
            models.UniqueConstraint(fields=["citing", "cited", "kind"], name="one_link_per_pair_and_kind"),
            models.CheckConstraint(condition=~Q(citing=models.F("cited")), name="asset_link_not_to_itself"),
        ]

    def __str__(self) -> str:
        return f"{self.citing_id} → {self.cited_id} ({self.kind})"


class UseKind(models.TextChoices):
    VIEW = "view", _("View")
    DOWNLOAD = "download", _("Download")
    LICENCE = "licence", _("Licence")
    CITATION = "citation", _("Citation")
    DERIVATION = "derivation", _("Derivation")


class UseEvent(models.Model):
    """One use of an asset by a firm: at most one per firm, asset, kind and day."""

    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="asset_uses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="uses")
    kind = models.CharField(_("kind"), max_length=10, choices=UseKind.choices)
    occurred_at = models.DateTimeField(_("when"))
    day = models.DateField(_("day"))

    class Meta:
        ordering = ["-occurred_at"]
        verbose_name = _("use event")
        verbose_name_plural = _("use events")
        constraints = [
            models.UniqueConstraint(fields=["firm", "asset", "kind", "day"], name="one_use_per_firm_asset_kind_day")
        ]
        indexes = [
            models.Index(fields=["occurred_at"], name="knowledge_use_occurred"),
            models.Index(fields=["asset"], name="knowledge_use_asset"),
        ]

    def __str__(self) -> str:
        return f"{self.firm_id} {self.kind} {self.asset_id} {self.day}"


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


class _OwnerDecidedRequest(models.Model):
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="%(class)ss")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="%(class)ss")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=RequestStatus.choices, default=RequestStatus.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.firm} → {self.asset}: {self.get_status_display()}"


class LicenceRequest(_OwnerDecidedRequest):
    """A firm asks the owners for a licence to use an asset."""

    class Meta(_OwnerDecidedRequest.Meta):
        verbose_name = _("licence request")
        verbose_name_plural = _("licence requests")
        constraints = [
            models.UniqueConstraint(
                fields=["asset", "firm"], condition=Q(status="pending"), name="one_pending_licence_request"
            )
        ]


class AccessRequest(_OwnerDecidedRequest):
    """A firm asks the owners for access to a restricted asset."""

    class Meta(_OwnerDecidedRequest.Meta):
        verbose_name = _("access request")
        verbose_name_plural = _("access requests")
        constraints = [
            models.UniqueConstraint(
                fields=["asset", "firm"], condition=Q(status="pending"), name="one_pending_access_request"
            )
        ]


class Report(models.Model):
    """Anyone's report that an asset breaks the rules; moderators resolve it."""

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.asset}: {self.reason[:60]}"


class Decision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")
    REQUEST_CHANGES = "request_changes", _("Ask for changes")
    TAKE_DOWN = "take_down", _("Take down")
    RESTORE = "restore", _("Restore")


class ModerationDecision(models.Model):
    """One moderation decision on an asset, kept for ever (its twin goes to the audit log)."""

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="decisions")
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices)
    from_status = models.CharField(_("from"), max_length=20)
    to_status = models.CharField(_("to"), max_length=20)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.TextField(_("reason"))
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.asset}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("Moderation decisions cannot be changed.")
        super().save(*args, **kwargs)


# Sharing: the contributors tier, expiring grants and appeals (knowledge.tiers, .embargo, .moderation) ----------


class ContributorRule(models.Model):
    """A cluster's give-to-get rule: what a member firm must contribute to open "contributors" assets.

    A firm qualifies when it meets any threshold that is set (a zero threshold is not used)."""

    cluster = models.OneToOneField(
        Cluster, on_delete=models.CASCADE, related_name="contributor_rule", verbose_name=_("cluster")
    )
    min_assets = models.PositiveIntegerField(_("published assets needed"), default=1)
    window_days = models.PositiveIntegerField(_("counted over (days)"), default=365)
    min_outflow = models.FloatField(_("knowledge outflow needed"), default=0.0)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("contributor rule")
        verbose_name_plural = _("contributor rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_assets__gt=0) | Q(min_outflow__gt=0), name="contributor_rule_has_a_threshold"
            ),
            models.CheckConstraint(condition=Q(window_days__gt=0), name="contributor_rule_window_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.cluster}: {self.min_assets} assets / {self.window_days} days or outflow {self.min_outflow}"


class ContributorStanding(models.Model):
    """A member firm's measured contribution to a cluster and whether it opens the contributors tier.

    The visibility rule reads ``eligible``; ``knowledge.tiers`` alone writes these rows."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="contributor_standings")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="contributor_standings")
    assets_shared = models.PositiveIntegerField(_("assets shared in the window"), default=0)
    outflow = models.FloatField(_("knowledge outflow"), default=0.0)
    eligible = models.BooleanField(_("contributor"), default=False)
    since = models.DateTimeField(_("contributor since"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("contributor standing")
        verbose_name_plural = _("contributor standings")
        constraints = [models.UniqueConstraint(fields=["cluster", "firm"], name="one_standing_per_cluster_and_firm")]
        indexes = [models.Index(fields=["firm", "eligible"], name="knowledge_standing_firm")]

    def __str__(self) -> str:
        return f"{self.firm} in {self.cluster}: {'contributor' if self.eligible else 'not yet'}"


class GrantKind(models.TextChoices):
    ACCESS = "access", _("Access")
    LICENCE = "licence", _("Licence")


class GrantTerm(models.Model):
    """The end date of a firm's access to, or licence of, an asset; a reminder goes out before it."""

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="grant_terms")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="grant_terms")
    kind = models.CharField(_("kind"), max_length=8, choices=GrantKind.choices)
    ends_at = models.DateTimeField(_("ends"), db_index=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["ends_at", "id"]
        verbose_name = _("grant term")
        verbose_name_plural = _("grant terms")
        constraints = [
            models.UniqueConstraint(
                fields=["asset", "firm", "kind"], condition=Q(ended_at__isnull=True), name="one_open_term_per_grant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} of {self.firm_id} to {self.asset_id} until {self.ends_at:%Y-%m-%d}"


class AppealStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    UPHELD = "upheld", _("Take-down upheld")
    RESTORED = "restored", _("Restored")


class Appeal(models.Model):
    """The owners' one appeal against a take-down, decided by someone other than who took it down."""

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="appeals")
    take_down = models.OneToOneField(
        ModerationDecision, on_delete=models.CASCADE, related_name="appeal", verbose_name=_("take-down")
    )
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="+")
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    statement = models.TextField(_("statement"))
    status = models.CharField(
        _("status"), max_length=8, choices=AppealStatus.choices, default=AppealStatus.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("appealed"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self) -> str:
        return f"appeal on {self.asset}: {self.get_status_display()}"
