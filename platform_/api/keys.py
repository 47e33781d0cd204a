"""API keys: creating (the secret is shown once), revoking, and resolving a presented token."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from platform_.api.models import ApiKey
from platform_.api.scopes import ALL_SCOPES
from platform_.audit.services import audit_record
from platform_.errors import DomainError, NotAllowed
from platform_.identity.models import Firm, User
from platform_.identity.selectors import member_of

TOKEN_PREFIX = "vck"  # noqa: S105 - a marker, not a secret


@dataclass(frozen=True)
class IssuedKey:
    key: ApiKey
    token: str  # shown once; never stored


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _require_manager(*, firm: Firm, by: User) -> None:
    membership = member_of(user=by, firm=firm)
    if membership is None or not membership.manages:
        raise NotAllowed(_("Only the firm's owners and administrators manage its API keys and webhooks."))


@transaction.atomic
def api_key_create(
    *,
    firm: Firm,
    by: User,
    name: str,
    scopes: list[str],
    expires_at: datetime | None = None,
    rate_limit: str = "",
) -> IssuedKey:
    """Issue a key for the firm; the returned token is the only time the secret is seen."""
    _require_manager(firm=firm, by=by)
    unknown = sorted(set(scopes) - set(ALL_SCOPES))
    if unknown:
        raise DomainError(_("Unknown scopes: %(scopes)s") % {"scopes": ", ".join(unknown)}, field="scopes")
    if expires_at is not None and expires_at <= timezone.now():
        raise DomainError(_("The expiry must be in the future."), field="expires_at")
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    key = ApiKey.objects.create(
        firm=firm,
        name=name,
        prefix=prefix,
        hashed_secret=hash_secret(secret),
        scopes=sorted(set(scopes)),
        expires_at=expires_at,
        rate_limit=rate_limit,
        created_by=by,
    )
    audit_record(actor=by, action="api_key.create", target=key, firm=firm, data={"scopes": key.scopes})
    return IssuedKey(key=key, token=f"{TOKEN_PREFIX}_{prefix}_{secret}")


@transaction.atomic
def api_key_revoke(*, key: ApiKey, by: User) -> ApiKey:
    """Revoke at once: the next request with the key is refused."""
    _require_manager(firm=key.firm, by=by)
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
        audit_record(actor=by, action="api_key.revoke", target=key, firm=key.firm)
    return key


def key_from_token(token: str) -> ApiKey | None:
    """The usable key the token belongs to, or None (unknown, wrong secret, revoked, expired)."""
    parts = token.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
        return None
    _, prefix, secret = parts
    key = ApiKey.objects.select_related("firm", "created_by").filter(prefix=prefix).first()
    if key is None or not hmac.compare_digest(key.hashed_secret, hash_secret(secret)):
        return None
    if not key.is_usable or not key.firm.is_active or not key.created_by.is_active:
        return None
    return key


def token_from_headers(meta: dict) -> str | None:
    """The key presented as ``Authorization: Bearer <key>`` or ``X-Api-Key: <key>``, if any."""
    header = meta.get("HTTP_AUTHORIZATION", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip() or None
    return meta.get("HTTP_X_API_KEY") or None


def keys_of(*, firm: Firm):
    return ApiKey.objects.filter(firm=firm).select_related("created_by").order_by("-created_at")
