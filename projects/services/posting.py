"""Posting and editing a challenge: the draft, its fields and the co-edited brief."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusters.models import Cluster
from clusters.selectors import is_active_member
from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.identity.models import MANAGING_ROLES, Firm, FirmMember, User
from platform_.realtime.groups import document_name
from platform_.realtime.services import document_text_set
from projects import selectors
from projects.models import (
    Eligibility,
    IpTerms,
    Project,
    ProjectStatus,
    ProjectTransition,
)
from projects.services._shared import _lock, _require_sponsor_manager

EDITABLE = (
    "kind",
    "title",
    "brief",
    "requirements",
    "confidential_brief",
    "terms",
    "eligibility",
    "award_amount",
    "award_other",
    "ip_terms",
    "deadline",
    "cluster",
)

S = ProjectStatus


def _check_project(project: Project, *, clusters: Sequence[Cluster] | None, firms: Sequence[Firm] | None) -> None:
    if project.deadline is None or timezone.is_naive(project.deadline):
        raise DomainError(_("Give the deadline with its time zone."), field="deadline")
    if project.award_amount is None and not project.award_other.strip():
        raise DomainError(_("State an award: an amount in CNY, a non-monetary award, or both."), field="award_amount")
    if project.cluster_id and not is_active_member(firm=project.sponsor_id, cluster=project.cluster_id):
        raise NotAllowed(_("A firm may post on behalf of a cluster only if it is an active member."), field="cluster")
    if project.eligibility == Eligibility.CLUSTERS and clusters is not None and not clusters:
        raise DomainError(_("Choose the clusters whose members may take part."), field="eligible_clusters")
    if project.eligibility == Eligibility.INVITED and firms is not None and not firms:
        raise DomainError(_("Choose the firms you invite."), field="invited_firms")
    project.full_clean(exclude=["sponsor", "created_by"])


@transaction.atomic
def project_create(
    *,
    by: User,
    firm: Firm,
    title: str,
    brief: str,
    deadline: datetime,
    kind: str = "design",
    requirements: str = "",
    confidential_brief: str = "",
    terms: str = "",
    eligibility: str = Eligibility.OPEN,
    eligible_clusters: Sequence[Cluster] = (),
    invited_firms: Sequence[Firm] = (),
    award_amount: Decimal | None = None,
    award_other: str = "",
    ip_terms: str = IpTerms.NON_EXCLUSIVE,
    cluster: Cluster | None = None,
) -> Project:
    """Post a draft challenge for the firm; its owner or administrators may."""
    if not FirmMember.objects.filter(user=by, firm=firm, role__in=MANAGING_ROLES).exists():
        raise NotAllowed(_("Only an owner or administrator of the firm may post a challenge."))
    project = Project(
        sponsor=firm,
        created_by=by,
        title=title.strip(),
        brief=brief,
        deadline=deadline,
        kind=kind,
        requirements=requirements,
        confidential_brief=confidential_brief,
        terms=terms,
        eligibility=eligibility,
        award_amount=award_amount,
        award_other=award_other.strip(),
        ip_terms=ip_terms,
        cluster=cluster,
    )
    _check_project(project, clusters=list(eligible_clusters), firms=list(invited_firms))
    project.save()
    project.eligible_clusters.set(eligible_clusters)
    project.invited_firms.set(invited_firms)
    ProjectTransition.objects.create(project=project, action="create", from_status="", to_status=S.DRAFT, actor=by)
    audit_record(actor=by, action="project.create", target=project, firm=firm, cluster=project.cluster_id)
    return project


@transaction.atomic
def project_update(
    *,
    project: Project,
    by: User,
    eligible_clusters: Sequence[Cluster] | None = None,
    invited_firms: Sequence[Firm] | None = None,
    **fields: Any,
) -> Project:
    """Change a draft; once it is under review or open, the brief and the terms are fixed."""
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    if project.status != S.DRAFT:
        raise Conflict(_("Only a draft can be changed."))
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise DomainError(_("These fields cannot be changed: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    if fields.get("kind", project.kind) != project.kind and project.phases.exists():
        # Phases are for design challenges only (services/rounds.py, require_phases_supported).
        raise Conflict(
            _("This draft has phases, which only a design challenge has: it stays a design challenge."),
            code="phases_design_only",
            field="kind",
        )
    brief_before = project.brief
    for name, value in fields.items():
        setattr(project, name, value)
    _check_project(project, clusters=eligible_clusters, firms=invited_firms)
    project.save()
    if project.brief != brief_before:  # a brief being co-edited follows the form's change
        document_text_set(name=document_name("project", project.pk, "brief"), text=project.brief)
    if eligible_clusters is not None:
        project.eligible_clusters.set(eligible_clusters)
    if invited_firms is not None:
        project.invited_firms.set(invited_firms)
    audit_record(
        actor=by, action="project.update", target=project, firm=project.sponsor_id, data={"fields": sorted(fields)}
    )
    return project


@transaction.atomic
def project_brief_set(*, project: Project, text: str, by: User) -> Project:
    """Write the co-edited brief back to the project, under the rule of ``project_update``."""
    project = _lock(project)
    if not selectors.project_brief_editable(user=by, project_id=project.pk):
        raise NotAllowed(_("Only an owner or administrator of the sponsor firm may change the brief of a draft."))
    if not text.strip():
        raise DomainError(_("The brief cannot be empty."), field="brief")
    if text == project.brief:
        return project
    project.brief = text
    Project.objects.filter(pk=project.pk).update(brief=text, updated_at=timezone.now())
    audit_record(
        actor=by, action="project.brief_set", target=project, firm=project.sponsor_id, data={"chars": len(text)}
    )
    return project
