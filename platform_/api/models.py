"""API keys, their call log, idempotency records, webhook endpoints and their deliveries."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from platform_.identity.models import Firm


class ApiKey(models.Model):
    """A firm's credential for the partner API; only a SHA-256 of the secret is kept."""

    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="api_keys", verbose_name=_("firm"))
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    hashed_secret = models.CharField(max_length=64, editable=False)
    scopes = models.JSONField(_("scopes"), default=list, blank=True)
    rate_limit = models.CharField(
        _("rate limit"), max_length=20, blank=True, help_text=_("For example 600/min; empty for the default.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_usable(self) -> bool:
        now = timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


class ApiCall(models.Model):
    """One request made with an API key; written with a single insert per call."""

    key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="calls", verbose_name=_("key"))
    method = models.CharField(_("method"), max_length=10)
    endpoint = models.CharField(_("endpoint"), max_length=300)
    status = models.PositiveSmallIntegerField(_("status"))
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))
    at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("API call")
        verbose_name_plural = _("API calls")
        indexes = [models.Index(fields=["key", "-at"], name="apicall_key_at")]

    def __str__(self) -> str:
        return f"{self.method} {self.endpoint} {self.status}"


class IdempotencyRecord(models.Model):
    """The first response to a creating request sent with an ``Idempotency-Key``."""

    principal = models.CharField(max_length=40)  # "key:<id>" or "user:<id>"
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, null=True, related_name="+")
    idempotency_key = models.CharField(max_length=255)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=500)
    body_hash = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField()
    content_type = models.CharField(max_length=100)
    body = models.BinaryField()
    headers = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["principal", "idempotency_key"], name="one_response_per_idempotency_key")
        ]

    def __str__(self) -> str:
        return f"{self.principal} {self.idempotency_key}"


class EndpointKind(models.TextChoices):
    """How an endpoint is spoken to: the platform's own signed JSON, or a group-chat robot's format."""

    WEBHOOK = "webhook", _("Webhook (signed JSON)")
    DINGTALK = "dingtalk", _("DingTalk group robot")
    FEISHU = "feishu", _("Feishu group robot")
    WECOM = "wecom", _("WeCom group robot")


class WebhookEndpoint(models.Model):
    """A URL of a firm that receives the events it subscribed to, signed with its secret.

    A group-chat robot is an endpoint too (``kind``): it gets a message in the group's ``language``
    instead of JSON, signed as its service requires, and may be scoped to one cluster's events.
    """

    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="webhook_endpoints", verbose_name=_("firm"))
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(_("signing secret"), max_length=80, editable=False)
    events = models.JSONField(_("events"), default=list)
    active = models.BooleanField(_("active"), default=True)
    description = models.CharField(_("description"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=EndpointKind.choices, default=EndpointKind.WEBHOOK)
    language = models.CharField(_("language"), max_length=10, blank=True)
    # Only events about this cluster (a cluster's robot); a plain id, as the platform knows no domain.
    cluster_id = models.PositiveIntegerField(_("cluster"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self) -> str:
        return self.url

    @property
    def is_robot(self) -> bool:
        return self.kind != EndpointKind.WEBHOOK

    def wants(self, event: str) -> bool:
        return self.active and ("*" in self.events or event in self.events)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    RETRYING = "retrying", _("Retrying")
    DELIVERED = "delivered", _("Delivered")
    DEAD = "dead", _("Dead-lettered")


OPEN_STATUSES = (DeliveryStatus.PENDING, DeliveryStatus.RETRYING)


class WebhookDelivery(models.Model):
    """One event for one endpoint; the row is the queue, so it survives a worker restart."""

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("endpoint")
    )
    event = models.CharField(_("event"), max_length=60)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(_("last status code"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    dead_lettered = models.BooleanField(_("dead-lettered"), default=False)
    replay_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("replay of")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        indexes = [
            models.Index(
                fields=["endpoint", "id"],
                name="webhook_open_by_endpoint",
                condition=Q(status__in=["pending", "retrying"]),
            ),
            models.Index(
                fields=["next_attempt_at"],
                name="webhook_open_due",
                condition=Q(status__in=["pending", "retrying"]),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint_id} ({self.status})"
