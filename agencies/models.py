"""Public agencies: bodies that watch and guide the clusters of their jurisdiction, through aggregates only."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from platform_.identity.credit_code import validate_credit_code
from platform_.identity.models import Firm, Sector, localized
from platform_.identity.regions import Province


class AgencyKind(models.TextChoices):
    PARK = "park", _("Industrial park administration")
    COUNTY = "county", _("County bureau of industry and information technology")
    CITY = "city", _("City bureau of industry and information technology")
    PROVINCE = "province", _("Provincial department of industry and information technology")
    MINISTRY = "ministry", _("National ministry")


class AgencyStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class Agency(models.Model):
    name_zh = models.CharField(_("Chinese name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=AgencyKind.choices)
    national = models.BooleanField(_("national jurisdiction"), default=False)
    credit_code = models.CharField(
        _("unified social credit code"), max_length=18, blank=True, validators=[validate_credit_code]
    )
    # The agency's own firm identity, made when it is verified: through it its people sponsor challenges on
    # behalf of the public, as a firm does. It joins no cluster, so the agency's figures do not count it.
    firm = models.OneToOneField(
        Firm,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agency",
        verbose_name=_("firm identity"),
    )
    status = models.CharField(_("status"), max_length=10, choices=AgencyStatus.choices, default=AgencyStatus.PENDING)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        ordering = ["name_zh", "id"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name_zh or self.name_en

    @property
    def name(self) -> str:
        return localized(self.name_zh, self.name_en)


class AgencyRegion(models.Model):
    """One region of an agency's jurisdiction: a province, or a city within it (a county is named as a city)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="regions")
    province = models.CharField(_("province"), max_length=2, choices=Province.choices)
    city = models.CharField(_("city or county"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("jurisdiction region")
        verbose_name_plural = _("jurisdiction regions")
        constraints = [models.UniqueConstraint(fields=["agency", "province", "city"], name="one_region_per_agency")]

    def __str__(self) -> str:
        return f"{self.get_province_display()} {self.city}".strip()


class AgencyMember(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agency_memberships")
    is_admin = models.BooleanField(_("administrator"), default=False)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "user"], name="one_agency_membership")]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.agency_id}"


class Endorsement(models.Model):
    """An agency's public endorsement of a cluster: shown as a badge, audited, revocable."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="endorsements")
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="endorsements")
    note = models.CharField(_("note"), max_length=300, blank=True)
    endorsed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("endorsed"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "cluster"], condition=Q(revoked_at__isnull=True), name="one_active_endorsement"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} endorses {self.cluster_id}"


class GuidanceKind(models.TextChoices):
    POLICY = "policy", _("Policy notice")
    CALL = "call", _("Call for collaborative projects")
    SUBSIDY = "subsidy", _("Subsidy scheme")


class Guidance(models.Model):
    """Guidance an agency publishes to the firms and clusters of (part of) its jurisdiction."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="guidance")
    kind = models.CharField(_("kind"), max_length=10, choices=GuidanceKind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    provinces = models.JSONField(_("provinces in scope"), default=list, blank=True)  # empty: the whole jurisdiction
    sectors = models.ManyToManyField(Sector, blank=True, related_name="+", verbose_name=_("sectors in scope"))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    published_at = models.DateTimeField(_("published"), auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("guidance")
        verbose_name_plural = _("guidance")

    def __str__(self) -> str:
        return self.title


def guidance_attachment_upload_to(instance: GuidanceAttachment, filename: str) -> str:
    return f"guidance/{instance.guidance_id}/{instance.sha256[:2]}/{instance.sha256}/{filename}"


class GuidanceAttachment(models.Model):
    """A file attached to guidance, vetted by the platform's upload policy and served only through a checked view."""

    guidance = models.ForeignKey(Guidance, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=guidance_attachment_upload_to, max_length=400)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(_("type"), max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("guidance attachment")
        verbose_name_plural = _("guidance attachments")

    def __str__(self) -> str:
        return self.original_name


class ClusterActivity(models.Model):
    """A cluster's activity as the agencies' dashboard shows it, computed for every cluster by
    ``agencies.tasks.refresh_cluster_activity`` (hourly): published assets of its active member firms
    and their use events in the twelve months before ``as_of``. Counting them on each page view over
    a large record cost most of the dashboard's time (docs/performance.md, "Main pages")."""

    cluster = models.OneToOneField(Cluster, on_delete=models.CASCADE, related_name="activity", primary_key=True)
    assets = models.PositiveIntegerField(_("assets shared"))
    uses_12m = models.PositiveIntegerField(_("use events in 12 months"))
    as_of = models.DateTimeField(_("as of"))

    class Meta:
        verbose_name = _("cluster activity")
        verbose_name_plural = _("cluster activity")

    def __str__(self) -> str:
        return f"{self.cluster_id}: {self.assets} assets, {self.uses_12m} uses"
