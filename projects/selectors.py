"""Reads for design projects: who may see and do what, sealed entries, hidden scores and the ranking."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from clusters.models import Cluster, ClusterMembership, MembershipStatus, ReviewPolicy
from clusters.selectors import active_cluster_ids, moderated_cluster_ids
from platform_.errors import NotFound
from platform_.identity.middleware import firm_id_of
from platform_.identity.models import MANAGING_ROLES, Firm, FirmMember
from platform_.identity.selectors import memberships_of
from platform_.request_memo import remembered
from projects.models import (
    ConflictDeclaration,
    Criterion,
    Eligibility,
    Entry,
    EntryOutcome,
    EntryVersion,
    InvitationStatus,
    Judge,
    Project,
    ProjectStatus,
    Question,
    Score,
    Team,
    TeamFirm,
    TeamInvitation,
    TermsAcceptance,
)

# After these statuses the entries are no longer sealed from the judges and the sponsor.
UNSEALED = (ProjectStatus.CLOSED, ProjectStatus.JUDGING, ProjectStatus.AWARDED)
PUBLIC_STATUSES = (
    ProjectStatus.OPEN,
    ProjectStatus.CLOSED,
    ProjectStatus.JUDGING,
    ProjectStatus.AWARDED,
    ProjectStatus.CANCELLED,
)


def _authenticated(user: Any) -> bool:
    return user is not None and getattr(user, "is_authenticated", False)


# --- roles -------------------------------------------------------------------------------------


def _firm_roles(*, user: Any) -> dict[int, tuple[str, bool]]:
    """The person's firms: id -> (role, whether the firm is active)."""
    return {member.firm_id: (member.role, member.firm.is_active) for member in memberships_of(user=user)}


def is_sponsor(*, user: Any, project: Project) -> bool:
    """Any person of the sponsor firm."""
    return _authenticated(user) and project.sponsor_id in _firm_roles(user=user)


def is_sponsor_manager(*, user: Any, project: Project) -> bool:
    """An owner or administrator of the sponsor firm: may change the project and decide on it."""
    if not _authenticated(user):
        return False
    role = _firm_roles(user=user).get(project.sponsor_id)
    return role is not None and role[0] in MANAGING_ROLES


def review_clusters(*, project: Project) -> list[Cluster]:
    """The clusters concerned by the project: the one it is posted for and those it is restricted to."""
    clusters: dict[int, Cluster] = {}
    if project.cluster_id:
        clusters[project.cluster_id] = project.cluster  # type: ignore[assignment]
    if project.pk and project.eligibility == Eligibility.CLUSTERS:
        for cluster in project.eligible_clusters.all():
            clusters[cluster.pk] = cluster
    return list(clusters.values())


def needs_review(*, project: Project) -> bool:
    """A project waits for moderators when one of its clusters reviews what is shared before publishing."""
    return any(cluster.asset_review == ReviewPolicy.BEFORE for cluster in review_clusters(project=project))


def is_project_moderator(*, user: Any, project: Project) -> bool:
    """Platform administrators, and moderators of the clusters concerned by the project."""
    if not _authenticated(user):
        return False
    if user.is_platform_admin:
        return True
    ids = moderated_cluster_ids(user=user)
    return any(cluster.pk in ids for cluster in review_clusters(project=project))


def judge_of(*, user: Any, project: Project) -> Judge | None:
    if not _authenticated(user):
        return None
    return remembered(
        ("projects.judge_of", user.pk, project.pk), lambda: Judge.objects.filter(project=project, user=user).first()
    )


def is_eligible(*, firm: Firm | None, project: Project) -> bool:
    """May the firm take part (accept the terms, ask, submit)?"""
    if firm is None or not firm.is_active or firm.pk == project.sponsor_id:
        return False
    if project.eligibility == Eligibility.OPEN:
        return True
    if project.eligibility == Eligibility.INVITED:
        return project.invited_firms.filter(pk=firm.pk).exists()
    wanted = set(project.eligible_clusters.values_list("id", flat=True))
    return bool(wanted & active_cluster_ids(firm=firm))


def acceptance_of(*, firm: Firm | None, project: Project) -> TermsAcceptance | None:
    if firm is None:
        return None
    return remembered(
        ("projects.acceptance_of", firm.pk, project.pk),
        lambda: TermsAcceptance.objects.filter(project=project, firm=firm).first(),
    )


def team_of(*, firm: Firm | int | None, project: Project) -> Team | None:
    firm_id = firm_id_of(firm)
    if firm_id is None:
        return None
    return remembered(
        ("projects.team_of", firm_id, project.pk),
        lambda: Team.objects.filter(project=project, members__firm_id=firm_id).first(),
    )


def user_team(*, user: Any, project: Project) -> Team | None:
    """The team one of the person's firms is on, if any."""
    if not _authenticated(user):
        return None
    return Team.objects.filter(project=project, members__firm__members__user=user).first()


def team_invitations_open_to(*, user: Any, project: Project) -> QuerySet[TeamInvitation]:
    """Invitations to join a team that wait for an answer from a firm the person owns or administers."""
    if not _authenticated(user):
        return TeamInvitation.objects.none()
    managed = FirmMember.objects.filter(user=user, role__in=MANAGING_ROLES).values("firm_id")
    return (
        TeamInvitation.objects.filter(project=project, status=InvitationStatus.PENDING, firm_id__in=managed)
        .select_related("team__lead", "firm")
        .order_by("id")
    )


def team_invitations_sent(*, team: Team | None) -> QuerySet[TeamInvitation]:
    """The invitations a team sent that wait for an answer (shown to the team; they count for nothing)."""
    if team is None:
        return TeamInvitation.objects.none()
    return TeamInvitation.objects.filter(team=team, status=InvitationStatus.PENDING).select_related("firm")


def can_see_confidential(*, user: Any, firm: Firm | None, project: Project) -> bool:
    """The confidential brief: sponsor, judges, moderators, and solver firms that accepted the terms."""
    if not _authenticated(user):
        return False
    if is_sponsor(user=user, project=project) or is_project_moderator(user=user, project=project):
        return True
    if judge_of(user=user, project=project) is not None:
        return True
    return (
        firm is not None and acceptance_of(firm=firm, project=project) is not None and firm.pk in _firm_roles(user=user)
    )


def project_room_allowed(*, user: Any, project_id: int) -> bool:
    """Who may be in a project's live room: the sponsor's people, people of firms that accepted the
    terms, judges, moderators of the project's clusters and platform administrators."""
    if not _authenticated(user) or not user.is_active:
        return False
    project = Project.objects.filter(pk=project_id).select_related("cluster").first()
    return project is not None and project_room_allowed_for(user=user, project=project)


def project_room_allowed_for(*, user: Any, project: Project, firm: Firm | None = None) -> bool:
    """``project_room_allowed`` for a project already loaded (the project's page asks with its own,
    and with the acting firm, whose acceptance of the terms it has looked up already)."""
    if not _authenticated(user) or not user.is_active:
        return False
    if user.is_platform_admin or is_sponsor(user=user, project=project):
        return True
    if judge_of(user=user, project=project) is not None:
        return True
    if (
        project.status not in (ProjectStatus.DRAFT, ProjectStatus.REVIEW)
        and firm is not None
        and firm.pk in _firm_roles(user=user)
        and acceptance_of(firm=firm, project=project) is not None
    ):
        return True
    if project.status in (ProjectStatus.DRAFT, ProjectStatus.REVIEW):
        return is_project_moderator(user=user, project=project)
    accepted = remembered(
        ("projects.accepted_by_firm_of", user.pk, project.pk),
        lambda: TermsAcceptance.objects.filter(project=project, firm__members__user=user).exists(),
    )
    return accepted or is_project_moderator(user=user, project=project)


def project_brief_editable(*, user: Any, project_id: int) -> bool:
    """May the person change the project's brief now? The rule of ``project_update``: an owner or
    administrator of the sponsor firm, while the project is a draft (under review or later it is fixed)."""
    if not _authenticated(user) or not user.is_active:
        return False
    project = Project.objects.filter(pk=project_id).only("id", "sponsor_id", "status").first()
    if project is None or project.status != ProjectStatus.DRAFT:
        return False
    return is_sponsor_manager(user=user, project=project)


# --- projects ----------------------------------------------------------------------------------


def projects_visible_to(*, user: Any, firm: Firm | None = None) -> QuerySet[Project]:
    """Drafts to their sponsor; projects in review also to their moderators; the rest to whom the
    eligibility names (everyone for open ones), to judges and to firms that accepted the terms."""
    queryset = Project.objects.select_related("sponsor", "sponsor__agency", "cluster")
    if _authenticated(user) and user.is_platform_admin:
        return queryset
    visible = Q(status__in=PUBLIC_STATUSES, eligibility=Eligibility.OPEN)
    if _authenticated(user):
        firm_ids = [firm_id for firm_id, (_role, active) in _firm_roles(user=user).items() if active]
        cluster_ids = ClusterMembership.objects.filter(firm_id__in=firm_ids, status=MembershipStatus.ACTIVE).values(
            "cluster_id"
        )
        moderated = list(moderated_cluster_ids(user=user))
        visible |= Q(sponsor_id__in=firm_ids)
        visible |= Q(judges__user=user)
        visible |= Q(acceptances__firm_id__in=firm_ids)
        visible |= Q(status__in=PUBLIC_STATUSES, eligibility=Eligibility.CLUSTERS, eligible_clusters__in=cluster_ids)
        visible |= Q(status__in=PUBLIC_STATUSES, eligibility=Eligibility.INVITED, invited_firms__in=firm_ids)
        visible |= Q(cluster_id__in=moderated) & ~Q(status=ProjectStatus.DRAFT)
        visible |= Q(eligible_clusters__in=moderated) & ~Q(status=ProjectStatus.DRAFT)
    ids = Project.objects.filter(visible).values("id")
    return queryset.filter(id__in=ids)


def project_get(*, user: Any, project_id: int, firm: Firm | None = None) -> Project:
    project = projects_visible_to(user=user, firm=firm).filter(pk=project_id).first()
    if project is None:
        raise NotFound(_("Project not found."))
    return project


def review_queue(*, user: Any) -> QuerySet[Project]:
    """Projects waiting for this moderator's decision."""
    queryset = Project.objects.filter(status=ProjectStatus.REVIEW).select_related("sponsor", "cluster")
    if not user.is_platform_admin:
        moderated = list(moderated_cluster_ids(user=user))
        queryset = queryset.filter(Q(cluster_id__in=moderated) | Q(eligible_clusters__in=moderated)).distinct()
    return queryset.order_by("updated_at", "id")


def projects_due_to_close() -> QuerySet[Project]:
    from django.utils import timezone

    return Project.objects.filter(status=ProjectStatus.OPEN, deadline__lte=timezone.now())


# --- Q&A ---------------------------------------------------------------------------------------


def questions_visible_to(*, user: Any, firm: Firm | None, project: Project) -> QuerySet[Question]:
    """Sponsor and moderators see all; a solver sees public answers and its own firm's questions."""
    queryset = Question.objects.filter(project=project).order_by("asked_at", "id")
    if not _authenticated(user):
        return queryset.none()
    if is_sponsor(user=user, project=project) or is_project_moderator(user=user, project=project):
        return queryset
    public = Q(public=True, answered_at__isnull=False)
    if firm is not None and acceptance_of(firm=firm, project=project) is not None:
        return queryset.filter(public | Q(firm=firm))
    if judge_of(user=user, project=project) is not None:
        return queryset.filter(public)
    return queryset.none()


# --- entries -----------------------------------------------------------------------------------


def sealed_entries_visible_to(*, user: Any, project: Project) -> QuerySet[Entry]:
    """The seal on entries, in one place: a team sees its own entry; once the project is closed for
    entries the sponsor and administrators see them all, and each judge sees every entry except those
    of teams they may not score (a declared conflict or one ``conflicts_of`` finds)."""
    queryset = (
        Entry.objects.filter(project=project)
        .select_related("team")
        .prefetch_related(
            Prefetch("team__members", queryset=TeamFirm.objects.select_related("firm")),
            Prefetch("versions", queryset=EntryVersion.objects.prefetch_related("files").order_by("number")),
        )
        .order_by("id")
    )
    if not _authenticated(user):
        return queryset.none()
    own = Q(team__members__firm__members__user=user)
    if project.status in UNSEALED:
        if user.is_platform_admin or is_sponsor(user=user, project=project):
            return queryset
        judge = judge_of(user=user, project=project)
        if judge is not None:
            return queryset.exclude(team_id__in=judge_barred_team_ids(judge=judge, project=project))
    return queryset.filter(own).distinct()


def sealed_entry_get(*, user: Any, project: Project, entry_id: int) -> Entry:
    """One entry through the seal of ``sealed_entries_visible_to`` (its page, files, receipts, API)."""
    entry = sealed_entries_visible_to(user=user, project=project).filter(pk=entry_id).first()
    if entry is None:
        raise NotFound(_("Entry not found."))
    return entry


def entry_count(*, project: Project) -> int:
    """How many teams have entered: a number that reveals nothing of the content."""
    return Entry.objects.filter(project=project).count()


# --- judging -----------------------------------------------------------------------------------


def panel_firm_ids(*, project: Project) -> set[int]:
    """Firms with a person on the project's panel: none of them may take part in the project."""
    return set(FirmMember.objects.filter(user__judging__project=project).values_list("firm_id", flat=True))


def rival_firm_ids(*, user: Any, project: Project) -> set[int]:
    """The person's firms that take part in the project (on a team, so entered or about to enter):
    someone from such a firm may not sit on the panel. Only accepted team members count."""
    return set(TeamFirm.objects.filter(project=project, firm__members__user=user).values_list("firm_id", flat=True))


def judge_barred_team_ids(*, judge: Judge, project: Project) -> list[int]:
    """Teams whose entry the judge may neither score nor open (the rule of ``conflicts_of``)."""
    return [team.pk for team in Team.objects.filter(project=project) if conflicts_of(judge=judge, team=team)]


def conflicts_of(*, judge: Judge, team: Team) -> list[str]:
    """Why the judge may not score the team's entry (empty when there is no conflict).

    - ``firm_on_team``: the judge belongs to a firm on the team;
    - ``moderation``: the judge moderates a cluster that a person of a team firm also moderates;
    - ``ownership``: the judge's firm co-owns a knowledge asset with a team firm;
    - ``declared``: the judge declared a conflict.
    """
    reasons: list[str] = []
    team_firm_ids = set(TeamFirm.objects.filter(team=team).values_list("firm_id", flat=True))
    judge_firm_ids = set(FirmMember.objects.filter(user_id=judge.user_id).values_list("firm_id", flat=True))
    if team_firm_ids & judge_firm_ids:
        reasons.append("firm_on_team")
    judge_moderates = Cluster.moderators.through.objects.filter(user_id=judge.user_id).values("cluster_id")
    co_moderators = (
        Cluster.moderators.through.objects.filter(cluster_id__in=judge_moderates)
        .exclude(user_id=judge.user_id)
        .values("user_id")
    )
    if FirmMember.objects.filter(user_id__in=co_moderators, firm_id__in=team_firm_ids).exists():
        reasons.append("moderation")
    if judge_firm_ids and _co_owned(judge_firm_ids, team_firm_ids):
        reasons.append("ownership")
    if ConflictDeclaration.objects.filter(judge=judge, team=team).exists():
        reasons.append("declared")
    return reasons


def _co_owned(firm_ids_a: set[int], firm_ids_b: set[int]) -> bool:
    try:
        from knowledge.models import AssetOwnership
    except ImportError:  # pragma: no cover - the knowledge domain is always installed
        return False
    assets_a = AssetOwnership.objects.filter(firm_id__in=firm_ids_a).values("asset_id")
    return AssetOwnership.objects.filter(asset_id__in=assets_a, firm_id__in=firm_ids_b - firm_ids_a).exists()


def scores_visible_to(*, user: Any, project: Project) -> QuerySet[Score]:
    """Independent scoring: until the panel closes a judge sees only their own scores and nobody
    else sees any; afterwards the judges, the sponsor and administrators see them all."""
    queryset = Score.objects.filter(entry__project=project, phase_number=project.phase_number).select_related(
        "judge__user", "criterion", "entry"
    )
    if not _authenticated(user):
        return queryset.none()
    if project.panel_closed_at is None:
        return queryset.filter(judge__user=user)
    if user.is_platform_admin or is_sponsor(user=user, project=project) or judge_of(user=user, project=project):
        return queryset
    return queryset.none()


@dataclass
class RankedEntry:
    entry: Entry
    score: float | None
    spread: float | None
    judges: int
    per_judge: dict[int, float] = field(default_factory=dict)
    rank: int | None = None
    z_score: float | None = None
    below_minimum: bool = False


def ranking(*, project: Project) -> list[RankedEntry]:
    """Entries of the current phase ranked by the mean of the judges' weighted scores (0–100), with
    the spread (population standard deviation) of those per-judge totals. An entry with fewer
    reviews than the project's minimum is listed unranked (``below_minimum``). ``z_score`` is the
    mean of the entry's per-judge z-scores (each judge's totals normalised by that judge's own mean
    and deviation in the phase), shown beside the raw mean: it corrects lenient and strict judges."""
    criteria = {c.pk: c for c in Criterion.objects.filter(project=project)}
    total_weight = sum((c.weight for c in criteria.values()), Decimal(0)) or Decimal(1)
    per: dict[int, dict[int, Decimal]] = {}
    scores = Score.objects.filter(entry__project=project, phase_number=project.phase_number)
    for score in scores.only("judge_id", "entry_id", "criterion_id", "value"):
        crit = criteria.get(score.criterion_id)
        if crit is None:
            continue
        normal = Decimal(score.value - crit.scale_min) / Decimal(crit.scale_max - crit.scale_min)
        per.setdefault(score.entry_id, {}).setdefault(score.judge_id, Decimal(0))
        per[score.entry_id][score.judge_id] += normal * crit.weight
    entries = Entry.objects.filter(project=project).select_related("team").order_by("id")
    if project.phase_number > 1:
        entries = entries.filter(outcome__in=(EntryOutcome.SHORTLISTED, EntryOutcome.WINNER))
    rows: list[RankedEntry] = []
    for entry in entries:
        totals = {judge: float(value / total_weight * 100) for judge, value in per.get(entry.pk, {}).items()}
        values = list(totals.values())
        rows.append(
            RankedEntry(
                entry=entry,
                score=round(statistics.fmean(values), 2) if values else None,
                spread=round(statistics.pstdev(values), 2) if values else None,
                judges=len(values),
                per_judge=totals,
                below_minimum=len(values) < max(project.min_reviews, 1),
            )
        )
    _add_z_scores(rows)
    rows.sort(key=lambda row: (row.below_minimum, row.score is None, -(row.score or 0), row.entry.pk))
    position = 0
    for row in rows:
        if row.score is not None and not row.below_minimum:
            position += 1
            row.rank = position
    return rows


def _add_z_scores(rows: list[RankedEntry]) -> None:
    by_judge: dict[int, list[float]] = {}
    for row in rows:
        for judge, total in row.per_judge.items():
            by_judge.setdefault(judge, []).append(total)
    moments = {
        judge: (statistics.fmean(values), statistics.pstdev(values)) for judge, values in by_judge.items() if values
    }
    for row in rows:
        zs = [
            (total - moments[judge][0]) / moments[judge][1] if moments[judge][1] else 0.0
            for judge, total in row.per_judge.items()
        ]
        row.z_score = round(statistics.fmean(zs), 2) if zs else None
