"""Writing to the audit log."""

from __future__ import annotations

from typing import Any

from django.db import models

from platform_.audit.models import AuditEntry


def audit_record(
    *,
    actor: Any,
    action: str,
    target: models.Model,
    firm: Any = None,
    cluster: Any = None,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry; ``firm`` and ``cluster`` say whose log it belongs to."""
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEntry.objects.create(
        actor=actor if authenticated else None,
        actor_email=getattr(actor, "email", "") if authenticated else "",
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=str(target)[:300],
        firm_id=getattr(firm, "pk", firm),
        cluster_id=getattr(cluster, "pk", cluster),
        reason=reason,
        data=data or {},
    )
