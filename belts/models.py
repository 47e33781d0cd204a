"""Online industry belts (在线产业带): a region with its sectors, mirrored as an ecosystem on the network."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from platform_.identity.models import Firm, Sector, localized
from platform_.identity.regions import Province


class Belt(models.Model):
    """A region (a province, or a city or county in it) with one or more GB/T 4754 divisions.

    Firms of the region and of one of the sectors are suggested as members; only those whose
    owners or administrators confirmed count (BeltMember rows with status confirmed).
    """

    name_zh = models.CharField(_("Chinese name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    province = models.CharField(_("province"), max_length=2, choices=Province.choices, db_index=True)
    city = models.CharField(_("city or county"), max_length=60, blank=True)  # empty: the whole province
    sectors = models.ManyToManyField(Sector, related_name="belts", verbose_name=_("sectors"))
    description = models.TextField(_("description"), blank=True)
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="belts",
        verbose_name=_("created by the agency"),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["province", "city", "id"]
        verbose_name = _("online industry belt")
        verbose_name_plural = _("online industry belts")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("belts:detail", args=[self.pk])

    @property
    def name(self) -> str:
        return localized(self.name_zh, self.name_en)


class BeltMemberStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")


class BeltMember(models.Model):
    """A firm's answer to a belt's suggestion: confirmed (it counts) or declined (it is not suggested again)."""

    belt = models.ForeignKey(Belt, on_delete=models.CASCADE, related_name="members")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="belt_memberships")
    status = models.CharField(_("status"), max_length=10, choices=BeltMemberStatus.choices)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(_("decided"))

    class Meta:
        verbose_name = _("belt member")
        verbose_name_plural = _("belt members")
        constraints = [models.UniqueConstraint(fields=["belt", "firm"], name="one_answer_per_belt_and_firm")]
        indexes = [models.Index(fields=["firm", "status"], name="belt_member_firm_status")]

    def __str__(self) -> str:
        return f"{self.firm_id} {self.status} {self.belt_id}"
