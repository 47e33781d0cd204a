"""Writes for design projects: the lifecycle (one table of transitions), terms, Q&A, teams, sealed
entries with receipts, judging and the award that turns the winning entry into a knowledge asset."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_DOWN, Decimal
from typing import Any, cast

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from clusters.models import Cluster
from clusters.selectors import is_active_member
from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed, NotFound
from platform_.events import publish
from platform_.identity.models import MANAGING_ROLES, Firm, FirmMember, User
from platform_.notifications.services import notify
from platform_.realtime.groups import document_name
from platform_.realtime.services import document_text_set
from projects import selectors
from projects.models import (
    Award,
    ConflictDeclaration,
    Criterion,
    Eligibility,
    Entry,
    EntryFile,
    EntryOutcome,
    EntryVersion,
    IpTerms,
    Judge,
    Project,
    ProjectStatus,
    ProjectTransition,
    Question,
    Score,
    Team,
    TeamFirm,
    TermsAcceptance,
)

S = ProjectStatus

# --- the lifecycle, in one place ------------------------------------------------------------------

SPONSOR, MODERATOR, SYSTEM = "sponsor", "moderator", "system"


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[str, ...]
    target: str
    actors: frozenset[str]
    needs_reason: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        # The sponsor sends a draft to the moderators when one of its clusters reviews before publishing...
        Transition("submit", (S.DRAFT,), S.REVIEW, frozenset({SPONSOR})),
        # ...or opens it at once when none does.
        Transition("publish", (S.DRAFT,), S.OPEN, frozenset({SPONSOR})),
        Transition("approve", (S.REVIEW,), S.OPEN, frozenset({MODERATOR})),
        Transition("return", (S.REVIEW,), S.DRAFT, frozenset({MODERATOR}), needs_reason=True),
        # Nobody closes early: only the clock (the beat task or a read after the deadline) does.
        Transition("close", (S.OPEN,), S.CLOSED, frozenset({SYSTEM})),
        Transition("start_judging", (S.CLOSED,), S.JUDGING, frozenset({SPONSOR})),
        Transition("award", (S.JUDGING,), S.AWARDED, frozenset({SPONSOR})),
        Transition(
            "cancel",
            (S.DRAFT, S.REVIEW, S.OPEN, S.CLOSED, S.JUDGING),
            S.CANCELLED,
            frozenset({SPONSOR, MODERATOR}),
            needs_reason=True,
        ),
    )
}


def allowed_actions(*, project: Project, user: Any) -> list[str]:
    """The transitions this person may make now (for buttons and the API)."""
    roles = _roles(project=project, user=user)
    return [
        t.action
        for t in TRANSITIONS.values()
        if project.status in t.sources and roles & t.actors and _guard(t, project) is None
    ]


def _roles(*, project: Project, user: Any) -> set[str]:
    roles: set[str] = set()
    if user is None:
        return {SYSTEM}
    if selectors.is_sponsor_manager(user=user, project=project):
        roles.add(SPONSOR)
    if selectors.is_project_moderator(user=user, project=project):
        roles.add(MODERATOR)
    return roles


def _guard(transition: Transition, project: Project) -> str | None:
    """Why the transition cannot happen now, or None."""
    action = transition.action
    if action in ("submit", "publish", "approve"):
        review = selectors.needs_review(project=project)
        if action == "submit" and not review:
            return _("This project needs no review: publish it.")
        if action == "publish" and review:
            return _("A cluster of this project reviews projects before they open: submit it for review.")
        if project.deadline <= timezone.now():
            return _("The deadline has passed: set a later one first.")
        if not project.criteria.exists():
            return _("Add at least one judging criterion first.")
    if action == "close" and project.deadline > timezone.now():
        return _("The deadline has not passed yet.")
    if action == "start_judging" and not project.judges.exists():
        return _("Appoint at least one judge first.")
    if action == "award" and project.panel_closed_at is None:
        return _("Close the panel (publish the scores) before awarding.")
    return None


def _transition(*, project: Project, action: str, by: User | None, reason: str = "") -> Project:
    """Apply one transition of the table to a locked project; the caller holds the transaction."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise DomainError(_("Unknown action."), field="action")
    if project.status not in transition.sources:
        raise Conflict(
            _("A project that is “%(status)s” cannot be changed this way.") % {"status": project.get_status_display()}
        )
    if not (_roles(project=project, user=by) & transition.actors):
        raise NotAllowed(_("You may not make this change to the project."))
    if transition.needs_reason and not reason.strip():
        raise DomainError(_("Give a reason."), field="reason")
    problem = _guard(transition, project)
    if problem:
        raise Conflict(problem)
    previous = project.status
    project.status = transition.target
    project.status_reason = reason.strip()
    fields = ["status", "status_reason", "updated_at"]
    if transition.target == S.JUDGING:
        project.rubric_frozen_at = timezone.now()
        fields.append("rubric_frozen_at")
    project.save(update_fields=fields)
    ProjectTransition.objects.create(
        project=project,
        action=action,
        from_status=previous,
        to_status=transition.target,
        actor=by,
        reason=project.status_reason,
    )
    audit_record(
        actor=by,
        action=f"project.{action}",
        target=project,
        firm=project.sponsor_id,
        cluster=project.cluster_id,
        reason=project.status_reason,
    )
    _after_transition(project=project, action=action, by=by)
    return project


def _lock(project: Project) -> Project:
    return Project.objects.select_for_update(of=("self",)).select_related("sponsor", "cluster").get(pk=project.pk)


@transaction.atomic
def project_transition(*, project: Project, action: str, by: User | None, reason: str = "") -> Project:
    """Make one transition of the table; ``by=None`` is the system (the clock)."""
    if action == "award":
        raise DomainError(_("Award the project with its winners."), field="action")
    return _transition(project=_lock(project), action=action, by=by, reason=reason)


def _people(firm_ids: Iterable[int]) -> list[User]:
    return list(User.objects.filter(firm_memberships__firm_id__in=list(firm_ids), is_active=True).distinct())


def _sponsor_people(project: Project) -> list[User]:
    return _people([project.sponsor_id])


def _solver_people(project: Project) -> list[User]:
    return _people(TermsAcceptance.objects.filter(project=project).values_list("firm_id", flat=True))


def _after_transition(*, project: Project, action: str, by: User | None) -> None:
    url = project.get_absolute_url()
    title = {
        "submit": _("Project waiting for review: %(title)s"),
        "approve": _("Project approved and open: %(title)s"),
        "publish": _("Project open for entries: %(title)s"),
        "return": _("Project returned to draft: %(title)s"),
        "close": _("Project closed for entries: %(title)s"),
        "start_judging": _("Judging has started: %(title)s"),
        "award": _("Project awarded: %(title)s"),
        "cancel": _("Project cancelled: %(title)s"),
    }[action] % {"title": project.title}
    recipients = _sponsor_people(project)
    if action == "submit":
        recipients = [m for c in selectors.review_clusters(project=project) for m in c.moderators.all()]
    elif action in ("close", "cancel", "award"):
        recipients += _solver_people(project) + [j.user for j in project.judges.select_related("user")]
    elif action == "start_judging":
        recipients += [j.user for j in project.judges.select_related("user")]
    notify(
        recipients=recipients,
        kind=f"project.{action}",
        title=title,
        body=project.status_reason,
        url=url,
        data={"project": project.pk},
        exclude=by,
    )
    if action in ("publish", "approve"):
        publish(
            "project.opened",
            project_id=project.pk,
            sponsor_id=project.sponsor_id,
            cluster_id=project.cluster_id,
            deadline=project.deadline.isoformat(),
        )
    else:
        publish(f"project.{action}", project_id=project.pk, status=project.status)


# --- posting and editing -------------------------------------------------------------------------

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


def _require_sponsor_manager(*, project: Project, by: User) -> None:
    if not selectors.is_sponsor_manager(user=by, project=project):
        raise NotAllowed(_("Only an owner or administrator of the sponsor firm may do this."))


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


@transaction.atomic
def project_close_if_due(*, project_id: int) -> bool:
    """Close the project for entries if its deadline has passed; safe to call any number of times."""
    project = Project.objects.select_for_update(skip_locked=True).filter(pk=project_id).first()
    if project is None or project.status != S.OPEN or project.deadline > timezone.now():
        return False
    _transition(project=project, action="close", by=None)
    return True


def projects_close_due() -> int:
    """Close every open project whose deadline has passed (the beat task and reads call this)."""
    closed = 0
    for project_id in selectors.projects_due_to_close().values_list("id", flat=True):
        closed += project_close_if_due(project_id=project_id)
    return closed


# --- the rubric and the panel ------------------------------------------------------------------------


def _require_rubric_open(project: Project) -> None:
    if project.rubric_frozen_at is not None or project.status in (S.JUDGING, S.AWARDED, S.CANCELLED):
        raise Conflict(_("The rubric is frozen: judging has started."))


@transaction.atomic
def criterion_create(
    *,
    project: Project,
    by: User,
    name: str,
    weight: Decimal,
    scale_min: int = 0,
    scale_max: int = 10,
    description: str = "",
    position: int | None = None,
) -> Criterion:
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    _require_rubric_open(project)
    if position is None:
        position = project.criteria.count()
    criterion = Criterion(
        project=project,
        name=name.strip(),
        weight=Decimal(weight),
        scale_min=scale_min,
        scale_max=scale_max,
        description=description,
        position=position,
    )
    if criterion.scale_max <= criterion.scale_min:
        raise DomainError(_("The highest score must be above the lowest."), field="scale_max")
    if criterion.weight <= 0:
        raise DomainError(_("The weight must be positive."), field="weight")
    criterion.full_clean()
    criterion.save()
    return criterion


@transaction.atomic
def criterion_update(*, criterion: Criterion, by: User, **fields: Any) -> Criterion:
    project = _lock(criterion.project)
    _require_sponsor_manager(project=project, by=by)
    _require_rubric_open(project)
    for name, value in fields.items():
        if name not in ("name", "weight", "scale_min", "scale_max", "description", "position"):
            raise DomainError(_("This field cannot be changed."), field=name)
        setattr(criterion, name, value)
    if criterion.scale_max <= criterion.scale_min:
        raise DomainError(_("The highest score must be above the lowest."), field="scale_max")
    criterion.full_clean()
    criterion.save()
    return criterion


@transaction.atomic
def criterion_delete(*, criterion: Criterion, by: User) -> None:
    project = _lock(criterion.project)
    _require_sponsor_manager(project=project, by=by)
    _require_rubric_open(project)
    criterion.delete()


@transaction.atomic
def judge_add(*, project: Project, by: User, user: User) -> Judge:
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    if project.status in (S.AWARDED, S.CANCELLED) or project.panel_closed_at is not None:
        raise Conflict(_("The panel can no longer change."))
    judge, created = Judge.objects.get_or_create(project=project, user=user, defaults={"added_by": by})
    if created:
        publish("project.member_joined", project_id=project.pk, user_id=user.pk)
        notify(
            recipients=[user],
            kind="project.judge",
            title=_("You are a judge of “%(title)s”") % {"title": project.title},
            url=project.get_absolute_url(),
            data={"project": project.pk},
        )
        audit_record(actor=by, action="project.judge_add", target=judge, firm=project.sponsor_id)
    return judge


# --- terms, Q&A and teams ----------------------------------------------------------------------------


def terms_digest(project: Project) -> str:
    """What a solver accepts: the terms, the IP terms, the award and both parts of the brief."""
    text = json.dumps(
        [
            project.terms,
            project.ip_terms,
            str(project.award_amount),
            project.award_other,
            project.brief,
            project.confidential_brief,
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(text.encode()).hexdigest()


def _require_member(*, firm: Firm | None, by: User, managing: bool = False) -> Firm:
    if firm is None:
        raise NotAllowed(_("Act for a firm first."))
    members = FirmMember.objects.filter(user=by, firm=firm)
    if managing:
        members = members.filter(role__in=MANAGING_ROLES)
    if not members.exists():
        raise NotAllowed(
            _("You do not act for this firm.")
            if not managing
            else _("Only an owner or administrator of the firm may do this.")
        )
    return firm


@transaction.atomic
def terms_accept(*, project: Project, by: User, firm: Firm | None) -> TermsAcceptance:
    """The firm accepts the terms: recorded with who, when and what (a digest of the terms)."""
    firm = _require_member(firm=firm, by=by, managing=True)
    project = _lock(project)
    if project.status != S.OPEN:
        raise Conflict(_("The project is not open for entries."))
    if not selectors.is_eligible(firm=firm, project=project):
        raise NotAllowed(_("Your firm is not eligible for this project."))
    acceptance, created = TermsAcceptance.objects.get_or_create(
        project=project, firm=firm, defaults={"user": by, "terms_sha256": terms_digest(project)}
    )
    if created:
        # The firm's people may now enter the project's live room.
        publish("project.member_joined", project_id=project.pk, firm_id=firm.pk)
        audit_record(
            actor=by,
            action="project.terms_accept",
            target=acceptance,
            firm=firm,
            data={"project": project.pk, "terms_sha256": acceptance.terms_sha256},
        )
    return acceptance


@transaction.atomic
def question_ask(*, project: Project, by: User, firm: Firm | None, text: str) -> Question:
    firm = _require_member(firm=firm, by=by)
    if selectors.acceptance_of(firm=firm, project=project) is None:
        raise NotAllowed(_("Accept the terms before asking a question."))
    if project.status != S.OPEN:
        raise Conflict(_("Questions are closed."))
    if not text.strip():
        raise DomainError(_("Write your question."), field="text")
    question = Question.objects.create(project=project, firm=firm, asked_by=by, text=text.strip())
    notify(
        recipients=_sponsor_people(project),
        kind="project.question",
        title=_("New question on “%(title)s”") % {"title": project.title},
        url=project.get_absolute_url() + "#qa",
        data={"project": project.pk},
    )
    return question


@transaction.atomic
def question_answer(*, question: Question, by: User, answer: str, public: bool = True) -> Question:
    """Answer publicly (every solver is told) or privately (only the asking firm is)."""
    question = Question.objects.select_for_update().select_related("project").get(pk=question.pk)
    project = question.project
    if not selectors.is_sponsor(user=by, project=project):
        raise NotAllowed(_("Only the sponsor answers questions."))
    if not answer.strip():
        raise DomainError(_("Write the answer."), field="answer")
    question.answer = answer.strip()
    question.public = public
    question.answered_by = by
    question.answered_at = timezone.now()
    question.save()
    recipients = _solver_people(project) if public else _people([question.firm_id])
    notify(
        recipients=recipients,
        kind="project.answer",
        title=_("A question on “%(title)s” was answered") % {"title": project.title},
        url=project.get_absolute_url() + "#qa",
        data={"project": project.pk, "question": question.pk},
        exclude=by,
    )
    publish(
        "question.answered",
        project_id=project.pk,
        question_id=question.pk,
        public=public,
        firm_id=None if public else question.firm_id,
    )
    return question


@transaction.atomic
def team_create(
    *, project: Project, by: User, firm: Firm | None, name: str = "", partners: Sequence[tuple[Firm, Decimal]] = ()
) -> Team:
    """Form a team led by the firm; partners (each must have accepted the terms) take the given
    shares and the lead keeps the rest. A firm is on one team per project."""
    firm = _require_member(firm=firm, by=by, managing=True)
    if project.status != S.OPEN:
        raise Conflict(_("The project is not open for entries."))
    members: list[tuple[Firm, Decimal]] = []
    for partner, share in partners:
        share = Decimal(share)
        if partner.pk == firm.pk or share <= 0:
            raise DomainError(_("Each partner needs a positive share."), field="partners")
        members.append((partner, share))
    lead_share = Decimal(1) - sum((s for _f, s in members), Decimal(0))
    if lead_share <= 0:
        raise DomainError(_("The partners' shares must leave a share for the lead firm."), field="partners")
    members.insert(0, (firm, lead_share))
    for member, _share in members:
        if selectors.acceptance_of(firm=member, project=project) is None:
            raise NotAllowed(_("%(firm)s has not accepted the terms.") % {"firm": member.name})
        if TeamFirm.objects.filter(project=project, firm=member).exists():
            raise Conflict(_("%(firm)s is already on a team.") % {"firm": member.name})
    team = Team.objects.create(project=project, name=name.strip() or firm.name, lead=firm, created_by=by)
    TeamFirm.objects.bulk_create([TeamFirm(project=project, team=team, firm=f, share=s) for f, s in members])
    audit_record(
        actor=by,
        action="project.team_create",
        target=team,
        firm=firm,
        data={"project": project.pk, "firms": {f.pk: str(s) for f, s in members}},
    )
    return team


# --- sealed entries, the deadline and receipts -----------------------------------------------------


class DeadlinePassed(Conflict):
    code = "deadline_passed"

    def __init__(self, message: Any, *, at: datetime) -> None:
        super().__init__(message)
        self.at = at


@dataclass
class _Upload:
    source: UploadedFile
    name: str
    size: int
    sha256: str


def _hash_upload(upload: UploadedFile) -> _Upload:
    digest = hashlib.sha256()
    size = 0
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
        size += len(chunk)
    upload.seek(0)
    name = (upload.name or "file").rsplit("/", 1)[-1][:200]
    return _Upload(source=upload, name=name, size=size, sha256=digest.hexdigest())


def _receipt_body(version: EntryVersion, files: Sequence[tuple[str, int, str]], project_id: int) -> dict[str, Any]:
    return {
        "project": project_id,
        "entry": version.entry_id,
        "version": version.number,
        "submitted_at": version.submitted_at.isoformat(),
        "description_sha256": hashlib.sha256(version.description.encode()).hexdigest(),
        "files": [{"name": n, "size": s, "sha256": h} for n, s, h in sorted(files, key=lambda f: (f[2], f[0]))],
    }


def _digest(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def _sign(digest: str) -> str:
    return salted_hmac("projects.entry-receipt", digest, algorithm="sha256").hexdigest()


def receipt_for(*, version: EntryVersion) -> dict[str, Any]:
    """The receipt a solver keeps: what was received and when, its SHA-256 and the platform's seal."""
    files = [(f.name, f.size, f.sha256) for f in version.files.all()]
    body = _receipt_body(version, files, version.entry.project_id)
    return {**body, "digest": version.digest, "seal": _sign(version.digest)}


def _db_now() -> datetime:
    """The database's clock at the start of the transaction: the moment the submission arrived."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT now()")
        return cursor.fetchone()[0]


def entry_submit(
    *,
    project: Project,
    by: User,
    firm: Firm | None,
    files: Sequence[UploadedFile],
    description: str = "",
    title: str = "",
    cited_assets: Iterable[Any] = (),
) -> EntryVersion:
    """Add a version to the firm's team's entry (making a one-firm team and the entry if needed).

    The arrival time is the database clock at the start of the transaction; the project row is
    held FOR SHARE, so a transition (closing, judging) waits for submissions in flight and the
    status cannot change under them, while submissions of different teams run side by side.
    Anything that arrives at or after the deadline is refused.
    """
    firm = _require_member(firm=firm, by=by)
    if not files:
        raise DomainError(_("Attach at least one file."), field="files")
    uploads = [_hash_upload(upload) for upload in files]
    stored: list[str] = []
    try:
        with transaction.atomic():
            version = _entry_submit_locked(
                project_id=project.pk,
                by=by,
                firm=firm,
                uploads=uploads,
                description=description,
                title=title,
                cited_assets=cited_assets,
                stored=stored,
            )
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise
    return version


def _entry_submit_locked(
    *,
    project_id: int,
    by: User,
    firm: Firm,
    uploads: list[_Upload],
    description: str,
    title: str,
    cited_assets: Iterable[Any],
    stored: list[str],
) -> EntryVersion:
    arrived = _db_now()
    rows = list(Project.objects.raw("SELECT * FROM projects_project WHERE id = %s FOR SHARE", [project_id]))
    if not rows:
        raise NotFound(_("Project not found."))
    project = rows[0]
    if project.status not in (S.OPEN, S.CLOSED) or arrived >= project.deadline:
        local = timezone.localtime(project.deadline)
        raise DeadlinePassed(
            _("Entries closed at %(deadline)s; this one arrived at %(arrived)s and was not accepted.")
            % {
                "deadline": local.strftime("%Y-%m-%d %H:%M:%S %Z"),
                "arrived": timezone.localtime(arrived).strftime("%Y-%m-%d %H:%M:%S %Z"),
            },
            at=arrived,
        )
    if not TermsAcceptance.objects.filter(project_id=project_id, firm=firm).exists():
        raise NotAllowed(_("Accept the terms before submitting."))
    team = selectors.team_of(firm=firm, project=project)
    if team is None:
        try:
            with transaction.atomic():  # two first submissions of one firm race to make its team
                team = Team.objects.create(project=project, name=firm.name, lead=firm, created_by=by)
                TeamFirm.objects.create(project=project, team=team, firm=firm, share=Decimal(1))
        except IntegrityError:
            team = selectors.team_of(firm=firm, project=project)
            if team is None:
                raise
    entry, _created = Entry.objects.get_or_create(
        team=team, defaults={"project": project, "title": title.strip() or team.name}
    )
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if title.strip() and title.strip() != entry.title:
        entry.title = title.strip()
        entry.save(update_fields=["title"])
    last = entry.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = EntryVersion(entry=entry, number=last + 1, description=description, submitted_by=by, submitted_at=arrived)
    body = _receipt_body(version, [(u.name, u.size, u.sha256) for u in uploads], project.pk)
    version.digest = _digest(body)
    version.save()
    for upload in uploads:
        row = EntryFile(version=version, name=upload.name, size=upload.size, sha256=upload.sha256)
        row.file.save(upload.name, upload.source, save=False)
        stored.append(cast(str, row.file.name))  # set by the save just above
        row.save()
    cited = list(cited_assets)
    if cited:
        entry.cited_assets.add(*cited)
    firm_ids = list(team.members.values_list("firm_id", flat=True))
    notify(
        recipients=_people(firm_ids),
        kind="project.entry_received",
        title=_("Entry received: version %(number)s of “%(title)s”")
        % {"number": version.number, "title": project.title},
        url=entry.get_absolute_url(),
        data={"project": project.pk, "entry": entry.pk},
    )
    publish("entry.submitted", project_id=project.pk, entry_id=entry.pk, version=version.number, team_firm_ids=firm_ids)
    return version


@dataclass
class ReceiptCheck:
    receipt_valid: bool
    matches: bool
    message: str
    version: EntryVersion | None = None


def receipt_verify(*, receipt: dict[str, Any] | str, file: UploadedFile) -> ReceiptCheck:
    """Does this file match this receipt, and is the receipt one the platform issued?"""
    try:
        data = json.loads(receipt) if isinstance(receipt, str | bytes) else dict(receipt)
        digest, seal = str(data["digest"]), str(data["seal"])
        body = {
            key: data[key] for key in ("project", "entry", "version", "submitted_at", "description_sha256", "files")
        }
    except (ValueError, TypeError, KeyError):
        return ReceiptCheck(False, False, _("This is not a receipt of the platform."))
    if _digest(body) != digest or not hmac.compare_digest(_sign(digest), seal):
        return ReceiptCheck(False, False, _("The receipt was altered or not issued by the platform."))
    version = EntryVersion.objects.filter(entry_id=body["entry"], number=body["version"], digest=digest).first()
    if version is None or parse_datetime(str(body["submitted_at"])) != version.submitted_at:
        return ReceiptCheck(False, False, _("The platform holds no such version."))
    upload = _hash_upload(file)
    listed = {f.get("sha256") for f in body["files"] if isinstance(f, dict)}
    stored = set(version.files.values_list("sha256", flat=True))
    if upload.sha256 in listed and upload.sha256 in stored:
        return ReceiptCheck(
            True,
            True,
            _("The file matches version %(number)s, received at %(at)s.")
            % {
                "number": version.number,
                "at": timezone.localtime(version.submitted_at).strftime("%Y-%m-%d %H:%M:%S %Z"),
            },
            version,
        )
    return ReceiptCheck(True, False, _("The file does not match this receipt."), version)


# --- judging ---------------------------------------------------------------------------------------


def _require_judge(*, project: Project, by: User) -> Judge:
    judge = selectors.judge_of(user=by, project=project)
    if judge is None:
        raise NotAllowed(_("Only the project's judges may do this."))
    return judge


@transaction.atomic
def conflict_declare(*, project: Project, by: User, team: Team, reason: str) -> ConflictDeclaration:
    judge = _require_judge(project=project, by=by)
    if team.project_id != project.pk:
        raise NotFound(_("Entry not found."))
    if not reason.strip():
        raise DomainError(_("Give a reason."), field="reason")
    declaration, _created = ConflictDeclaration.objects.get_or_create(
        judge=judge, team=team, defaults={"reason": reason.strip()}
    )
    Score.objects.filter(judge=judge, entry__team=team).delete()
    audit_record(actor=by, action="project.conflict_declare", target=declaration, firm=project.sponsor_id)
    return declaration


@transaction.atomic
def score_submit(*, project: Project, by: User, entry: Entry, values: dict[int, Any], comment: str = "") -> list[Score]:
    """A judge scores an entry on the rubric; independent and revisable until the panel closes."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    judge = _require_judge(project=project, by=by)
    if project.status != S.JUDGING or project.panel_closed_at is not None:
        raise Conflict(_("Scoring is not open."))
    if entry.project_id != project.pk:
        raise NotFound(_("Entry not found."))
    reasons = selectors.conflicts_of(judge=judge, team=entry.team)
    if reasons:
        raise NotAllowed(
            _("You have a conflict of interest with this team and may not score its entry."),
            code="conflict_of_interest",
        )
    criteria = {c.pk: c for c in project.criteria.all()}
    if not values:
        raise DomainError(_("Give a score."), field="values")
    scores = []
    for criterion_id, value in values.items():
        criterion = criteria.get(int(criterion_id))
        if criterion is None:
            raise DomainError(_("Unknown criterion."), field="values")
        try:
            value = int(value)
        except (TypeError, ValueError) as error:
            raise DomainError(_("Scores are whole numbers."), field="values") from error
        if not criterion.scale_min <= value <= criterion.scale_max:
            raise DomainError(
                _("“%(name)s” is scored from %(low)s to %(high)s.")
                % {"name": criterion.name, "low": criterion.scale_min, "high": criterion.scale_max},
                field="values",
            )
        score, _created = Score.objects.update_or_create(
            judge=judge, entry=entry, criterion=criterion, defaults={"value": value, "comment": comment}
        )
        scores.append(score)
    return scores


@transaction.atomic
def panel_close(*, project: Project, by: User) -> Project:
    """Close the panel: scores become visible to the panel and the sponsor, and are published."""
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    if project.status != S.JUDGING:
        raise Conflict(_("The project is not being judged."))
    if project.panel_closed_at is not None:
        return project
    if not Score.objects.filter(entry__project=project).exists():
        raise Conflict(_("No scores yet."))
    project.panel_closed_at = timezone.now()
    project.save(update_fields=["panel_closed_at", "updated_at"])
    audit_record(actor=by, action="project.panel_close", target=project, firm=project.sponsor_id)
    recipients = _sponsor_people(project) + [j.user for j in project.judges.select_related("user")]
    notify(
        recipients=recipients,
        kind="project.scores",
        title=_("Scores published: %(title)s") % {"title": project.title},
        url=project.get_absolute_url() + "#ranking",
        data={"project": project.pk},
        exclude=by,
    )
    publish("scores.published", project_id=project.pk)
    return project


@transaction.atomic
def entry_set_outcome(*, project: Project, by: User, entry: Entry, outcome: str) -> Entry:
    """Shortlist an entry (or take it off the shortlist); winners are chosen with the award."""
    project = _lock(project)
    _require_sponsor_manager(project=project, by=by)
    if project.status != S.JUDGING:
        raise Conflict(_("The project is not being judged."))
    if outcome not in (EntryOutcome.NONE, EntryOutcome.SHORTLISTED) or entry.project_id != project.pk:
        raise DomainError(_("Choose shortlisted or not."), field="outcome")
    entry.outcome = outcome
    entry.save(update_fields=["outcome"])
    return entry


@transaction.atomic
def feedback_give(*, project: Project, by: User, entry: Entry, text: str) -> Entry:
    _require_sponsor_manager(project=project, by=by)
    if project.status not in (S.JUDGING, S.AWARDED) or entry.project_id != project.pk:
        raise Conflict(_("Feedback is given during judging."))
    entry.feedback = text.strip()
    entry.save(update_fields=["feedback"])
    return entry


# --- the award -------------------------------------------------------------------------------------


def _split(amount: Decimal | None, count: int) -> Decimal | None:
    if amount is None:
        return None
    return (amount / count).quantize(Decimal("0.01"), rounding=ROUND_DOWN)


@transaction.atomic
def project_award(*, project: Project, by: User, winners: Sequence[Entry]) -> list[Award]:
    """Award the winners: each winning entry becomes a knowledge asset derived from the brief and
    citing what it built on, owned per the IP terms; every solver gets its result and feedback."""
    project = _lock(project)
    winners = list(winners)
    if not winners:
        raise DomainError(_("Choose at least one winner."), field="winners")
    if any(entry.project_id != project.pk for entry in winners):
        raise NotFound(_("Entry not found."))
    _transition(project=project, action="award", by=by)
    from projects import award as award_assets

    awards = []
    for entry in winners:
        entry.outcome = EntryOutcome.WINNER
        entry.save(update_fields=["outcome"])
        award = Award.objects.create(
            project=project,
            entry=entry,
            amount=_split(project.award_amount, len(winners)),
            non_monetary=project.award_other,
            ip_terms=project.ip_terms,
            awarded_by=by,
        )
        award_assets.award_to_asset(award=award, by=by)
        awards.append(award)
    rows = {row.entry.pk: row for row in selectors.ranking(project=project)}
    for entry in Entry.objects.filter(project=project).select_related("team"):
        row = rows.get(entry.pk)
        won = any(w.pk == entry.pk for w in winners)
        title = (_("Your entry won “%(title)s”") if won else _("Results of “%(title)s”")) % {"title": project.title}
        body = _("Rank: %(rank)s. Score: %(score)s.") % {
            "rank": row.rank if row and row.rank else "–",
            "score": row.score if row and row.score else "–",
        }
        if entry.feedback:
            body += "\n" + entry.feedback
        notify(
            recipients=_people(entry.team.members.values_list("firm_id", flat=True)),
            kind="project.result",
            title=title,
            body=body,
            url=entry.get_absolute_url(),
            data={"project": project.pk},
        )
    publish(
        "project.awarded",
        project_id=project.pk,
        entry_ids=[e.pk for e in winners],
        asset_ids=[a.asset_id for a in awards],
    )
    return awards
