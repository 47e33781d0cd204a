"""A notification addressed to one person."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=60)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.title

    def title_in(self, language: str | None = None) -> str:
        """The title in ``language`` (the active one by default); the stored text if it has no key."""
        from platform_.notifications.messages import render

        return render((self.data or {}).get("i18n", {}).get("title"), fallback=self.title, language=language)

    def body_in(self, language: str | None = None) -> str:
        from platform_.notifications.messages import render

        return render((self.data or {}).get("i18n", {}).get("body"), fallback=self.body, language=language)

    @property
    def localized_title(self) -> str:
        return self.title_in()

    @property
    def localized_body(self) -> str:
        return self.body_in()
