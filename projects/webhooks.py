"""The design projects' webhook events and who hears them (registered when ProjectsConfig.ready imports this module)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from clusters.models import ClusterMembership, MembershipStatus
from platform_.api.webhooks import payload_id, webhook_event_register
from projects.models import Eligibility, Project, TeamFirm


def sponsor_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The project's sponsor only (entries are sealed from everyone else)."""
    if payload_id(payload, "sponsor_firm_id"):
        return {int(payload["sponsor_firm_id"])}
    return set(Project.objects.filter(pk=payload_id(payload, "project_id")).values_list("sponsor_id", flat=True))


def project_opened_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The firms eligible to take part: everyone for an open project, else the eligible clusters'
    active members or the invited firms; always the sponsor."""
    project = Project.objects.filter(pk=payload_id(payload, "project_id")).first()
    if project is None:
        return set()
    if project.eligibility == Eligibility.OPEN:
        return set(candidates)
    audience = {project.sponsor_id}
    if project.eligibility == Eligibility.CLUSTERS:
        audience |= set(
            ClusterMembership.objects.filter(
                cluster__in=project.eligible_clusters.all(), status=MembershipStatus.ACTIVE, firm_id__in=candidates
            ).values_list("firm_id", flat=True)
        )
    else:
        audience |= set(project.invited_firms.filter(id__in=candidates).values_list("id", flat=True))
    return audience


def project_awarded_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The sponsor and every firm that entered or proposed (each learns the outcome; entries and proposals
    stay with their teams)."""
    project_id = payload_id(payload, "project_id")
    sponsor = set(Project.objects.filter(pk=project_id).values_list("sponsor_id", flat=True))
    entrants = set(
        TeamFirm.objects.filter(project_id=project_id)
        .filter(Q(team__entry__isnull=False) | Q(team__proposal__isnull=False))
        .values_list("firm_id", flat=True)
    )
    return sponsor | entrants


webhook_event_register(
    name="project.opened", description=_("A design project opened"), audience=project_opened_audience
)
webhook_event_register(
    name="entry.submitted",
    description=_("An entry was submitted to your project (without its content)"),
    audience=sponsor_audience,
    payload_fields=("entry_id", "project_id", "version", "submitted_at"),
)
webhook_event_register(
    name="project.awarded", description=_("A design project was awarded"), audience=project_awarded_audience
)


# --- rounds and appeals --------------------------------------------------------------------------


def _team_firms(payload: dict[str, Any]) -> set[int]:
    """The firms of the entry's team, read from the database (never trusted from the payload)."""
    return set(
        TeamFirm.objects.filter(
            project_id=payload_id(payload, "project_id"), team__entry__id=payload_id(payload, "entry_id")
        ).values_list("firm_id", flat=True)
    )


def phase_opened_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The sponsor and the firms of the shortlisted teams (who take part in the phase that opened)."""
    project_id = payload_id(payload, "project_id")
    sponsor = set(Project.objects.filter(pk=project_id).values_list("sponsor_id", flat=True))
    shortlisted = set(
        TeamFirm.objects.filter(project_id=project_id, team__entry__outcome="shortlisted").values_list(
            "firm_id", flat=True
        )
    )
    return sponsor | shortlisted


def entry_team_audience(payload: dict[str, Any], candidates: set[int]) -> set[int]:
    """The sponsor and the firms of the entry's team only."""
    return sponsor_audience(payload, candidates) | _team_firms(payload)


webhook_event_register(
    name="phase.opened",
    description=_("The next phase of a design project opened for the shortlisted teams"),
    audience=phase_opened_audience,
    payload_fields=("project_id", "phase", "deadline", "final"),
)
webhook_event_register(
    name="entry.shortlisted",
    description=_("An entry was shortlisted for the next phase"),
    audience=entry_team_audience,
    payload_fields=("project_id", "entry_id", "phase"),
)
webhook_event_register(
    name="appeal.filed",
    description=_("A solver appealed an entry's published scores"),
    audience=sponsor_audience,
    payload_fields=("project_id", "appeal_id", "entry_id"),
)
webhook_event_register(
    name="appeal.decided",
    description=_("The panel upheld or rejected an appeal"),
    audience=entry_team_audience,
    payload_fields=("project_id", "appeal_id", "entry_id", "status"),
)
from projects import webhooks_types  # noqa: E402, F401 - the challenge types register their events too
