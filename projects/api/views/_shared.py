"""Helpers the projects API views share: the project and entry as the caller may see them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.request import Request

from clusters.models import Cluster
from platform_.errors import DomainError
from platform_.identity.middleware import acting_firm
from platform_.identity.models import Firm
from projects import selectors, services
from projects.models import Project


def _project(request: Request, pk: int) -> Project:
    return services.project_get_closing_if_due(user=request.user, project_id=int(pk), firm=acting_firm(request))


def _context(request: Request) -> dict[str, Any]:
    return {"request": request, "firm": acting_firm(request)}


def _entry(request: Request, project: Project, entry_id: int) -> Any:
    return selectors.sealed_entry_get(user=request.user, project=project, entry_id=int(entry_id))


def _project_fields(data: dict[str, Any]) -> dict[str, Any]:
    fields = dict(data)
    if "eligible_cluster_ids" in fields:
        fields["eligible_clusters"] = list(Cluster.objects.filter(pk__in=fields.pop("eligible_cluster_ids")))
    if "invited_firm_ids" in fields:
        fields["invited_firms"] = list(Firm.objects.filter(pk__in=fields.pop("invited_firm_ids"), is_active=True))
    if "cluster_id" in fields:
        cluster_id = fields.pop("cluster_id")
        fields["cluster"] = Cluster.objects.filter(pk=cluster_id).first() if cluster_id else None
        if cluster_id and fields["cluster"] is None:
            raise DomainError(_("Unknown cluster."), field="cluster_id")
    return fields
