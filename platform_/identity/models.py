"""Accounts, firms, their people and invitations, and the sector and capability taxonomies."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from platform_.identity.credit_code import validate_credit_code
from platform_.identity.regions import Province


def localized(zh: str, en: str) -> str:
    """The Chinese or English form, by the active language, falling back to whichever exists."""
    if (get_language() or "zh-hans").startswith("zh"):
        return zh or en
    return en or zh


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: object) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    """A person; logs in with an e-mail address. Platform administrators are staff users."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=120, blank=True)
    email_notifications = models.BooleanField(_("e-mail me notifications"), default=True)
    # Empty until the person chooses: notifications and e-mails then use the platform's default.
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, blank=True, default="")

    objects = UserManager()  # type: ignore[assignment,misc]

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []  # Django reads it as a class attribute

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.email

    @property
    def is_platform_admin(self) -> bool:
        return bool(self.is_active and self.is_staff)


class Sector(models.Model):
    """A division of the national industrial classification GB/T 4754-2017."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    section = models.CharField(_("section"), max_length=1)
    name_zh = models.CharField(_("Chinese name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=150)

    class Meta:
        ordering = ["code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def name(self) -> str:
        return localized(self.name_zh, self.name_en)


class Capability(models.Model):
    """One entry of the shared taxonomy of what firms can do and what they lack."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )
    name_zh = models.CharField(_("Chinese name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=150)

    class Meta:
        ordering = ["code"]
        verbose_name = _("capability")
        verbose_name_plural = _("capabilities")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self.name_zh, self.name_en)


class FirmSize(models.TextChoices):
    MICRO = "micro", _("Micro (under 10 people)")
    SMALL = "small", _("Small (10–99 people)")
    MEDIUM = "medium", _("Medium (100–999 people)")
    LARGE = "large", _("Large (1,000 people or more)")


class FirmVerification(models.TextChoices):
    """Whether the platform checked who the firm is (its business licence or a registry service)."""

    UNVERIFIED = "unverified", _("Unverified")
    PENDING = "pending", _("Verification pending")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Verification refused")


class Firm(models.Model):
    """A firm on the platform: its profile, and through FirmMember its people."""

    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    credit_code = models.CharField(
        _("unified social credit code"), max_length=18, unique=True, validators=[validate_credit_code]
    )
    province = models.CharField(_("province"), max_length=2, choices=Province.choices, db_index=True)
    city = models.CharField(_("city"), max_length=60)
    size = models.CharField(_("size"), max_length=10, choices=FirmSize.choices, default=FirmSize.SMALL)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    sectors = models.ManyToManyField(Sector, related_name="firms", verbose_name=_("sectors"))
    capabilities = models.ManyToManyField(
        Capability, related_name="capable_firms", blank=True, verbose_name=_("capabilities")
    )
    needs = models.ManyToManyField(Capability, related_name="needing_firms", blank=True, verbose_name=_("needs"))
    is_active = models.BooleanField(_("active"), default=True)
    # Set only by platform_.verification's services: a firm is unverified until a provider verifies it.
    verification = models.CharField(
        _("verification"),
        max_length=10,
        choices=FirmVerification.choices,
        default=FirmVerification.UNVERIFIED,
        db_index=True,
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("firm")
        verbose_name_plural = _("firms")
        constraints = [
            models.CheckConstraint(condition=~Q(name_zh="") | ~Q(name_en=""), name="firm_has_a_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("identity:firm-detail", args=[self.pk])

    @property
    def name(self) -> str:
        return localized(self.name_zh, self.name_en)

    @property
    def is_verified(self) -> bool:
        return self.verification == FirmVerification.VERIFIED


class FirmRole(models.TextChoices):
    OWNER = "owner", _("Owner")
    ADMIN = "admin", _("Administrator")
    MEMBER = "member", _("Member")


MANAGING_ROLES = (FirmRole.OWNER, FirmRole.ADMIN)


class FirmMember(models.Model):
    """A person's place in a firm, with a role."""

    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="members", verbose_name=_("firm"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="firm_memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=10, choices=FirmRole.choices, default=FirmRole.MEMBER)
    title = models.CharField(_("job title"), max_length=100, blank=True)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        ordering = ["firm_id", "joined_at"]
        verbose_name = _("firm member")
        verbose_name_plural = _("firm members")
        constraints = [models.UniqueConstraint(fields=["firm", "user"], name="one_membership_per_firm")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.firm} ({self.get_role_display()})"

    @property
    def manages(self) -> bool:
        return self.role in MANAGING_ROLES


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


def _invitation_expiry() -> datetime:
    return timezone.now() + timedelta(days=14)


class FirmInvitation(models.Model):
    """An invitation, sent by e-mail, for a person to join a firm with a role."""

    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("firm"))
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=10, choices=FirmRole.choices, default=FirmRole.MEMBER)
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=_invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("firm invitation")
        verbose_name_plural = _("firm invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.firm}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()
