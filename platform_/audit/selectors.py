"""Reading the audit log: administrators see all, a cluster's moderators their cluster's."""

from __future__ import annotations

from django.db.models import QuerySet

from platform_.audit.models import AuditEntry


def audit_entries_for(*, target_type: str, target_id: object) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(target_type=target_type, target_id=str(target_id)).order_by("at", "id")
