"""API keys: creating (the secret is shown once), revoking, and resolving a presented token."""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection, transaction
from django.db.models import Model
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
    key = key_with_firm_and_creator(prefix)
    if key is None or not hmac.compare_digest(key.hashed_secret, hash_secret(secret)):
        return None
    if not key.is_usable or not key.firm.is_active or not key.created_by.is_active:
        return None
    return key


@functools.cache
def _key_lookup() -> tuple[str, tuple[tuple[type[Model], tuple[str, ...], tuple[tuple[int, Any, tuple], ...]], ...]]:
    """The SQL of ``ApiKey.objects.select_related("firm", "created_by").filter(prefix=...)``, built once.

    Every API request runs this lookup; the ORM compiles its three tables' columns each time, which costs
    more than PostgreSQL takes to run it. Columns and converters come from the models' own metadata.
    """
    qn = connection.ops.quote_name
    columns: list[str] = []
    parts = []
    for alias, model in (("k", ApiKey), ("f", Firm), ("u", User)):
        fields = model._meta.concrete_fields
        columns += [f"{alias}.{qn(str(field.column))}" for field in fields]
        converters = []
        for index, field in enumerate(fields):
            col = field.get_col(model._meta.db_table)
            funcs = tuple(connection.ops.get_db_converters(col) + col.get_db_converters(connection))
            if funcs:
                converters.append((index, col, funcs))
        parts.append((model, tuple(field.attname for field in fields), tuple(converters)))

    def column(model: type[Model], name: str) -> str:
        return qn(str(model._meta.get_field(name).column))  # type: ignore[union-attr]

    table = {model: qn(model._meta.db_table) for model in (ApiKey, Firm, User)}
    # Identifiers from the models' metadata, quoted; the prefix is a parameter.
    sql = (
        f"SELECT {', '.join(columns)} FROM {table[ApiKey]} k"  # noqa: S608
        f" JOIN {table[Firm]} f ON f.{column(Firm, 'id')} = k.{column(ApiKey, 'firm')}"
        f" JOIN {table[User]} u ON u.{column(User, 'id')} = k.{column(ApiKey, 'created_by')}"
        f" WHERE k.{column(ApiKey, 'prefix')} = %s LIMIT 1"
    )
    return sql, tuple(parts)


def key_with_firm_and_creator(prefix: str) -> ApiKey | None:
    """The key with this prefix, its firm and its creator loaded, in one query (as ``select_related``)."""
    sql, parts = _key_lookup()
    with connection.cursor() as cursor:
        cursor.execute(sql, [prefix])
        row = cursor.fetchone()
    if row is None:
        return None
    instances = []
    start = 0
    for model, attnames, converters in parts:
        values = list(row[start : start + len(attnames)])
        start += len(attnames)
        for index, col, funcs in converters:
            for func in funcs:
                values[index] = func(values[index], col, connection)
        instances.append(model.from_db(connection.alias, list(attnames), values))
    key, firm, creator = instances
    ApiKey._meta.get_field("firm").set_cached_value(key, firm)
    ApiKey._meta.get_field("created_by").set_cached_value(key, creator)
    return key  # type: ignore[return-value]


def token_from_headers(meta: dict) -> str | None:
    """The key presented as ``Authorization: Bearer <key>`` or ``X-Api-Key: <key>``, if any."""
    header = meta.get("HTTP_AUTHORIZATION", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip() or None
    return meta.get("HTTP_X_API_KEY") or None


def keys_of(*, firm: Firm):
    return ApiKey.objects.filter(firm=firm).select_related("created_by").order_by("-created_at")
