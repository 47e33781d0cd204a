"""Adding a group-chat robot as a firm's (or, through the cluster's service, a cluster's) notification channel."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from platform_.api.models import WebhookEndpoint
from platform_.api.webhooks.endpoints import _check_events, _require_manager
from platform_.api.webhooks.robots import SERVICES, robot_url_check, service_of
from platform_.audit.services import audit_record
from platform_.errors import DomainError
from platform_.identity.models import Firm, User


def _check_language(language: str) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    if not language:
        return settings.LANGUAGE_CODE
    if language not in codes:
        raise DomainError(_("Choose one of the platform's languages."), field="language")
    return language


@transaction.atomic
def group_robot_add(
    *,
    firm: Firm,
    by: User,
    kind: str,
    url: str,
    events: list[str],
    secret: str = "",
    language: str = "",
    description: str = "",
    cluster_id: int | None = None,
) -> WebhookEndpoint:
    """A DingTalk, Feishu or WeCom group robot that hears the firm's chosen events (of one cluster, if given).

    The robot hears only what the firm itself is entitled to hear, so a cluster's robot leaks nothing
    the adding firm could not see. ``secret`` is the robot's signing secret (DingTalk, Feishu).
    """
    _require_manager(firm=firm, by=by)
    if kind not in SERVICES:
        raise DomainError(_("Choose DingTalk, Feishu or WeCom."), field="kind")
    secret = (secret or "").strip()
    if service_of(kind).needs_secret and not secret:
        raise DomainError(_("This robot signs its messages: give its signing secret."), field="secret")
    endpoint = WebhookEndpoint.objects.create(
        firm=firm,
        kind=kind,
        url=robot_url_check(kind, url),
        secret=secret,
        events=_check_events(events),
        language=_check_language(language),
        description=description,
        cluster_id=cluster_id,
    )
    audit_record(
        actor=by,
        action="webhook.robot_add",
        target=endpoint,
        firm=firm,
        data={"kind": kind, "events": endpoint.events, "cluster": cluster_id},
    )
    return endpoint
