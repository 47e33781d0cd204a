"""Open statistics: disclosure-controlled aggregates, computed in the background and read by everyone."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from platform_.identity.models import Firm


class OpenStatistics(models.Model):
    """One computed set of open tables; pages and downloads read the current one (a single row)."""

    computed_at = models.DateTimeField(_("computed"), auto_now_add=True)
    k = models.PositiveSmallIntegerField(_("smallest number of firms a figure may describe"))
    is_current = models.BooleanField(_("current"), default=False)
    data = models.JSONField(_("tables"), default=dict)
    firms_counted = models.IntegerField(_("firms counted"), default=0)
    events_counted = models.BigIntegerField(_("use events counted"), default=0)

    class Meta:
        ordering = ["-computed_at", "-id"]
        verbose_name = _("open statistics")
        verbose_name_plural = _("open statistics")
        constraints = [
            models.UniqueConstraint(fields=["is_current"], condition=Q(is_current=True), name="one_current_open_stats")
        ]

    def __str__(self) -> str:
        return f"open statistics {self.computed_at:%Y-%m-%d %H:%M}"


class OpenStatisticsOptOut(models.Model):
    """A firm that asked to be left out of open statistics: its data count in no open table."""

    firm = models.OneToOneField(Firm, on_delete=models.CASCADE, related_name="open_statistics_opt_out")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("open statistics opt-out")
        verbose_name_plural = _("open statistics opt-outs")

    def __str__(self) -> str:
        return f"{self.firm_id} opted out"
