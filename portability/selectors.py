"""Reads for the data export: who may ask for and fetch a firm's export, and the firm's records, kind by kind.

Each collector returns JSON-ready rows of one kind of record. They hold only what the firm already
sees on its pages: other firms appear by name only where a page shows them (who used the firm's
assets, who asked for access or a licence, the firms of its own teams), other firms' people never,
and no asset, entry or project of another firm beyond what the domain selectors let the firm see.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from clusters.models import ClusterMembership
from knowledge.models import AccessRequest, Asset, AssetOwnership, AssetVersion, LicenceRequest, UseEvent
from knowledge.selectors import assets_visible_to
from platform_.audit.models import AuditEntry
from platform_.errors import NotAllowed, NotFound
from platform_.identity.models import MANAGING_ROLES, Firm, FirmMember
from platform_.notifications.models import Notification
from portability.models import DataExport
from projects.models import (
    Appeal,
    Contract,
    Entry,
    EntryFile,
    Idea,
    IdeaComment,
    Judge,
    Project,
    Proposal,
    Question,
    TeamFirm,
    TermsAcceptance,
)

# Who may ---------------------------------------------------------------------------------------


def export_may_manage(*, user: Any, firm: Firm | int | None) -> bool:
    """Owners and administrators of the firm request and download its exports; nobody else."""
    if firm is None or user is None or not getattr(user, "is_authenticated", False):
        return False
    firm_id = firm if isinstance(firm, int) else firm.pk
    return FirmMember.objects.filter(user=user, firm_id=firm_id, role__in=MANAGING_ROLES).exists()


def exports_of(*, user: Any, firm: Firm | None) -> QuerySet[DataExport]:
    """The firm's exports, newest first, for its owners and administrators; none for anyone else."""
    if firm is None or not export_may_manage(user=user, firm=firm):
        return DataExport.objects.none()
    return DataExport.objects.filter(firm=firm).select_related("requested_by")


def export_get(*, user: Any, export_id: int) -> DataExport:
    """The export if the person manages its firm; NotFound otherwise, so that ids reveal nothing."""
    export = DataExport.objects.filter(pk=export_id).select_related("firm").first()
    if export is None or not export_may_manage(user=user, firm=export.firm_id):
        from django.utils.translation import gettext

        raise NotFound(gettext("No such export."))
    return export


def export_status(*, export: DataExport) -> dict[str, Any]:
    """The small JSON the page polls while the export is built."""
    return {
        "id": export.pk,
        "status": export.status,
        "status_label": str(export.get_status_display()),
        "stage": export.stage,
        "progress": round(export.progress, 3),
        "download_url": export.get_absolute_url() if export.status == "complete" else "",
        "expires_at": export.expires_at.isoformat() if export.expires_at else None,
    }


def require_manager(*, user: Any, firm: Firm | None) -> Firm:
    from django.utils.translation import gettext

    if firm is None or not export_may_manage(user=user, firm=firm):
        raise NotAllowed(gettext("Only the owners and administrators of the firm may export its data."))
    return firm


# The records ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredFile:
    """A stored file to copy into the ZIP under ``path``."""

    path: str
    storage_name: str
    storage: Any


@dataclass
class Records:
    """What a collector gives: rows of one kind, and the stored files they refer to."""

    rows: list[dict[str, Any]]
    files: list[StoredFile]


def _safe_name(name: str) -> str:
    """A file name that cannot climb out of its folder inside the ZIP."""
    base = posixpath.basename(name.replace("\\", "/")) or "file"
    return re.sub(r"[\x00-\x1f]", "_", base)[:200] or "file"


class _Context:
    """What every collector needs to know about the firm, computed once."""

    def __init__(self, firm: Firm) -> None:
        self.firm = firm
        self.people = {m.user_id: m.user.email for m in FirmMember.objects.filter(firm=firm).select_related("user")}
        self.owned_asset_ids = set(AssetOwnership.objects.filter(firm=firm).values_list("asset_id", flat=True))
        referred = assets_visible_to(user=None, firm=firm).filter(pk__in=self._asset_ids_referred())
        self.visible_asset_ids = set(referred.values_list("pk", flat=True)) | self.owned_asset_ids

    def _asset_ids_referred(self) -> set[int]:
        ids = set(UseEvent.objects.filter(firm=self.firm).values_list("asset_id", flat=True))
        ids |= set(AccessRequest.objects.filter(firm=self.firm).values_list("asset_id", flat=True))
        ids |= set(LicenceRequest.objects.filter(firm=self.firm).values_list("asset_id", flat=True))
        return ids

    def team_ids(self) -> QuerySet[TeamFirm, Any]:
        """The teams the firm is on (a subquery)."""
        return TeamFirm.objects.filter(firm=self.firm).values("team_id")

    def own_email(self, user_id: int | None) -> str:
        """A person's e-mail only if the person is one of the firm's own people."""
        return self.people.get(user_id, "") if user_id is not None else ""

    def asset_ref(self, asset: Asset) -> dict[str, Any]:
        """An asset by id, with its titles only if the firm may see it today."""
        if asset.pk in self.visible_asset_ids:
            return {"id": asset.pk, "title_zh": asset.title_zh, "title_en": asset.title_en}
        return {"id": asset.pk}


def _firm_profile(ctx: _Context) -> Records:
    firm = Firm.objects.prefetch_related("sectors", "capabilities", "needs").get(pk=ctx.firm.pk)
    row = {
        "id": firm.pk,
        "name_zh": firm.name_zh,
        "name_en": firm.name_en,
        "credit_code": firm.credit_code,
        "province": firm.province,
        "city": firm.city,
        "size": firm.size,
        "description": firm.description,
        "website": firm.website,
        "sectors": [s.code for s in firm.sectors.all()],
        "capabilities": [c.code for c in firm.capabilities.all()],
        "needs": [c.code for c in firm.needs.all()],
        "is_active": firm.is_active,
        "created_at": firm.created_at,
    }
    return Records([row], [])


def _people(ctx: _Context) -> Records:
    rows = [
        {
            "id": m.pk,
            "name": m.user.display_name,
            "email": m.user.email,
            "role": m.role,
            "title": m.title,
            "joined_at": m.joined_at,
        }
        for m in FirmMember.objects.filter(firm=ctx.firm).select_related("user").order_by("joined_at", "id")
    ]
    return Records(rows, [])


def _memberships(ctx: _Context) -> Records:
    memberships = ClusterMembership.objects.filter(firm=ctx.firm).select_related("cluster").prefetch_related("events")
    rows = [
        {
            "id": m.pk,
            "cluster": {
                "id": m.cluster_id,
                "slug": m.cluster.slug,
                "name_zh": m.cluster.name_zh,
                "name_en": m.cluster.name_en,
            },
            "status": m.status,
            "message": m.message,
            "created_at": m.created_at,
            "updated_at": m.updated_at,
            "joined_at": m.joined_at,
            "history": [
                {
                    "id": e.pk,
                    "action": e.action,
                    "from_status": e.from_status,
                    "to_status": e.to_status,
                    "actor": ctx.own_email(e.actor_id),
                    "reason": e.reason,
                    "at": e.at,
                }
                for e in m.events.all()
            ],
        }
        for m in memberships.order_by("id")
    ]
    return Records(rows, [])


def _assets(ctx: _Context) -> Records:
    assets = (
        Asset.objects.filter(pk__in=ctx.owned_asset_ids)
        .prefetch_related("ownerships__firm", "categories", "access_clusters", "access_firms", "versions")
        .order_by("id")
    )
    rows: list[dict[str, Any]] = []
    files: list[StoredFile] = []
    for asset in assets:
        versions = []
        for version in sorted(asset.versions.all(), key=lambda v: v.number):
            path = f"files/assets/{asset.pk}/v{version.number}/{_safe_name(version.original_name)}"
            files.append(StoredFile(path, version.file.name or "", version.file.storage))
            versions.append(_version_row(version, path))
        rows.append(
            {
                "id": asset.pk,
                "kind": asset.kind,
                "title_zh": asset.title_zh,
                "title_en": asset.title_en,
                "summary_zh": asset.summary_zh,
                "summary_en": asset.summary_en,
                "body": asset.body,
                "licence": asset.licence,
                "licence_terms": asset.licence_terms,
                "access_level": asset.access_level,
                "access_clusters": [{"id": c.pk, "slug": c.slug} for c in asset.access_clusters.all()],
                "access_firms": [
                    {"id": f.pk, "name_zh": f.name_zh, "name_en": f.name_en} for f in asset.access_firms.all()
                ],
                "status": asset.status,
                "categories": [c.code for c in asset.categories.all()],
                "tags": asset.tags,
                "owners": [
                    {"firm_id": o.firm_id, "name_zh": o.firm.name_zh, "name_en": o.firm.name_en, "share": o.share}
                    for o in asset.ownerships.all()
                ],
                "created_by": ctx.own_email(asset.created_by_id),
                "created_at": asset.created_at,
                "updated_at": asset.updated_at,
                "published_at": asset.published_at,
                "creation_cost": asset.creation_cost,
                "versions": versions,
            }
        )
    return Records(rows, files)


def _version_row(version: AssetVersion, path: str) -> dict[str, Any]:
    return {
        "number": version.number,
        "file": path,
        "original_name": version.original_name,
        "size": version.size,
        "content_type": version.content_type,
        "sha256": version.sha256,
        "created_at": version.created_at,
    }


def _uses_by_firm(ctx: _Context) -> Records:
    uses = UseEvent.objects.filter(firm=ctx.firm).select_related("asset").order_by("occurred_at", "id")
    rows = [
        {
            "id": u.pk,
            "asset": ctx.asset_ref(u.asset),
            "kind": u.kind,
            "person": ctx.own_email(u.user_id),
            "occurred_at": u.occurred_at,
            "day": u.day,
        }
        for u in uses
    ]
    return Records(rows, [])


def uses_of_assets_by_others(*, firm: Firm) -> QuerySet[UseEvent]:
    """Uses of the firm's assets by firms that own no share of the used asset: what the owners'
    statistics (``knowledge.selectors.asset_use_statistics``) count and list, firm by name."""
    an_owner = AssetOwnership.objects.filter(asset_id=OuterRef("asset_id"), firm_id=OuterRef("firm_id"))
    return (
        UseEvent.objects.filter(asset__ownerships__firm=firm)
        .exclude(Exists(an_owner))
        .select_related("firm")
        .order_by("occurred_at", "id")
    )


def _uses_of_assets(ctx: _Context) -> Records:
    rows = [
        {
            "id": u.pk,
            "asset_id": u.asset_id,
            "kind": u.kind,
            "firm": {"id": u.firm_id, "name_zh": u.firm.name_zh, "name_en": u.firm.name_en},
            "occurred_at": u.occurred_at,
            "day": u.day,
        }
        for u in uses_of_assets_by_others(firm=ctx.firm)
    ]
    return Records(rows, [])


def _request_row(ctx: _Context, request: AccessRequest | LicenceRequest, *, made: bool) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": request.pk,
        "asset": ctx.asset_ref(request.asset),
        "message": request.message,
        "status": request.status,
        "decision_reason": request.decision_reason,
        "created_at": request.created_at,
        "decided_at": request.decided_at,
    }
    if made:
        row["requested_by"] = ctx.own_email(request.requested_by_id)
    else:
        row["firm"] = {"id": request.firm_id, "name_zh": request.firm.name_zh, "name_en": request.firm.name_en}
        row["decided_by"] = ctx.own_email(request.decided_by_id)
    return row


def _requests(model: type[AccessRequest] | type[LicenceRequest], *, made: bool) -> Callable[[_Context], Records]:
    def collect(ctx: _Context) -> Records:
        if made:
            queryset = model.objects.filter(firm=ctx.firm)
        else:  # received: on the firm's assets, from firms that do not own them
            queryset = model.objects.filter(asset_id__in=ctx.owned_asset_ids).exclude(firm=ctx.firm)
        queryset = queryset.select_related("asset", "firm").order_by("created_at", "id")
        return Records([_request_row(ctx, r, made=made) for r in queryset], [])

    return collect


def _projects(ctx: _Context) -> Records:
    projects = (
        Project.objects.filter(sponsor=ctx.firm)
        .prefetch_related("transitions", "criteria", "questions", "eligible_clusters", "invited_firms")
        .order_by("id")
    )
    rows = []
    for p in projects:
        rows.append(
            {
                "id": p.pk,
                "title": p.title,
                "kind": p.kind,
                "status": p.status,
                "status_reason": p.status_reason,
                "cluster_id": p.cluster_id,
                "brief": p.brief,
                "requirements": p.requirements,
                "confidential_brief": p.confidential_brief,
                "terms": p.terms,
                "eligibility": p.eligibility,
                "eligible_clusters": [{"id": c.pk, "slug": c.slug} for c in p.eligible_clusters.all()],
                "invited_firms": [
                    {"id": f.pk, "name_zh": f.name_zh, "name_en": f.name_en} for f in p.invited_firms.all()
                ],
                "award_amount": p.award_amount,
                "award_other": p.award_other,
                "ip_terms": p.ip_terms,
                "deadline": p.deadline,
                "created_by": ctx.own_email(p.created_by_id),
                "created_at": p.created_at,
                "updated_at": p.updated_at,
                "criteria": [
                    {
                        "id": c.pk,
                        "name": c.name,
                        "description": c.description,
                        "weight": c.weight,
                        "scale_min": c.scale_min,
                        "scale_max": c.scale_max,
                    }
                    for c in p.criteria.all()
                ],
                "transitions": [
                    {
                        "action": t.action,
                        "from_status": t.from_status,
                        "to_status": t.to_status,
                        "actor": ctx.own_email(t.actor_id),
                        "reason": t.reason,
                        "at": t.at,
                    }
                    for t in p.transitions.all()
                ],
                # Questions without the asking firm: the sponsor's pages do not name it either.
                "questions": [
                    {
                        "id": q.pk,
                        "text": q.text,
                        "answer": q.answer,
                        "public": q.public,
                        "asked_at": q.asked_at,
                        "answered_at": q.answered_at,
                    }
                    for q in p.questions.all()
                ],
            }
        )
    return Records(rows, [])


def _project_ref(project: Project) -> dict[str, Any]:
    """A project by id and title: what anyone who took part in it, judged it or asked about it saw."""
    return {"id": project.pk, "title": project.title}


def _terms_accepted(ctx: _Context) -> Records:
    """The terms of others' projects the firm accepted (which let it read their confidential briefs)."""
    acceptances = TermsAcceptance.objects.filter(firm=ctx.firm).select_related("project").order_by("accepted_at", "id")
    rows = [
        {
            "id": a.pk,
            "project": _project_ref(a.project),
            "person": ctx.own_email(a.user_id),
            "terms_sha256": a.terms_sha256,
            "accepted_at": a.accepted_at,
        }
        for a in acceptances
    ]
    return Records(rows, [])


def _questions_asked(ctx: _Context) -> Records:
    """The firm's questions to sponsors, with the answers it was given."""
    questions = Question.objects.filter(firm=ctx.firm).select_related("project").order_by("asked_at", "id")
    rows = [
        {
            "id": q.pk,
            "project": _project_ref(q.project),
            "asked_by": ctx.own_email(q.asked_by_id),
            "text": q.text,
            "answer": q.answer,
            "public": q.public,
            "asked_at": q.asked_at,
            "answered_at": q.answered_at,
        }
        for q in questions
    ]
    return Records(rows, [])


def _entries(ctx: _Context) -> Records:
    """The entries of the teams the firm is in (its own sealed work), with every version and file."""
    team_ids = ctx.team_ids()
    entries = (
        Entry.objects.filter(team_id__in=team_ids)
        .select_related("project", "team")
        .prefetch_related("team__members__firm", "versions__files")
        .order_by("id")
    )
    rows: list[dict[str, Any]] = []
    files: list[StoredFile] = []
    for entry in entries:
        versions = []
        for version in sorted(entry.versions.all(), key=lambda v: v.number):
            version_files = []
            for f in version.files.all():
                path = f"files/entries/{entry.pk}/v{version.number}/{f.pk}-{_safe_name(f.name)}"
                files.append(StoredFile(path, f.file.name or "", f.file.storage))
                version_files.append(_entry_file_row(f, path))
            versions.append(
                {
                    "number": version.number,
                    "description": version.description,
                    "submitted_by": ctx.own_email(version.submitted_by_id),
                    "submitted_at": version.submitted_at,
                    "digest": version.digest,
                    "files": version_files,
                }
            )
        rows.append(
            {
                "id": entry.pk,
                "project": _project_ref(entry.project),
                "team": {
                    "id": entry.team_id,
                    "name": entry.team.name,
                    "firms": [
                        {"id": m.firm_id, "name_zh": m.firm.name_zh, "name_en": m.firm.name_en, "share": m.share}
                        for m in entry.team.members.all()
                    ],
                },
                "title": entry.title,
                "outcome": entry.outcome,
                "feedback": entry.feedback,
                "created_at": entry.created_at,
                "versions": versions,
            }
        )
    return Records(rows, files)


def _entry_file_row(f: EntryFile, path: str) -> dict[str, Any]:
    return {"file": path, "name": f.name, "size": f.size, "sha256": f.sha256}


def _judging(ctx: _Context) -> Records:
    """The judging the firm's people did: their own seats, scores and declared conflicts."""
    judges = (
        Judge.objects.filter(user_id__in=list(ctx.people))
        .select_related("project")
        .prefetch_related("scores__criterion", "scores__entry", "declarations__team")
        .order_by("id")
    )
    rows = [
        {
            "id": j.pk,
            "judge": ctx.own_email(j.user_id),
            "project": _project_ref(j.project),
            "added_at": j.added_at,
            "scores": [
                {
                    "entry": {"id": s.entry_id, "title": s.entry.title},
                    "criterion": s.criterion.name,
                    "value": s.value,
                    "comment": s.comment,
                    "scored_at": s.scored_at,
                }
                for s in j.scores.all()
            ],
            "conflict_declarations": [
                {"team": {"id": d.team_id, "name": d.team.name}, "reason": d.reason, "declared_at": d.declared_at}
                for d in j.declarations.all()
            ],
        }
        for j in judges
    ]
    return Records(rows, [])


def notifications_concerning(*, firm: Firm, people: Iterable[int]) -> QuerySet[Notification]:
    """Notifications to the firm's people that concern the firm: about its assets or the assets it asked
    for, its projects (sponsored, entered, asked about or judged by its people), its cluster memberships."""
    asset_ids = set(AssetOwnership.objects.filter(firm=firm).values_list("asset_id", flat=True))
    asset_ids |= set(AccessRequest.objects.filter(firm=firm).values_list("asset_id", flat=True))
    asset_ids |= set(LicenceRequest.objects.filter(firm=firm).values_list("asset_id", flat=True))
    people = list(people)
    project_ids = set(Project.objects.filter(sponsor=firm).values_list("pk", flat=True))
    project_ids |= set(TeamFirm.objects.filter(firm=firm).values_list("project_id", flat=True))
    project_ids |= set(firm.project_acceptances.values_list("project_id", flat=True))
    project_ids |= set(Judge.objects.filter(user_id__in=people).values_list("project_id", flat=True))
    cluster_urls = [
        m.cluster.get_absolute_url() for m in ClusterMembership.objects.filter(firm=firm).select_related("cluster")
    ]
    cluster_urls += [c.get_absolute_url() for c in firm.proposed_clusters.all()]
    # Membership notices name the firm in their title; a moderator among the firm's people also hears
    # of other firms' memberships, which are not the firm's.
    names = [n for n in (firm.name_zh, firm.name_en) if n]
    named = Q()
    for name in names:
        named |= Q(title__contains=name)
    about_membership = Q(kind__startswith="membership.", url__in=cluster_urls) & named
    about_cluster = Q(kind="cluster.decided", url__in=[c.get_absolute_url() for c in firm.proposed_clusters.all()])
    concern = (
        Q(data__asset_id__in=list(asset_ids))
        | Q(data__project__in=list(project_ids))
        | about_membership
        | about_cluster
    )
    return Notification.objects.filter(recipient_id__in=people).filter(concern).order_by("created_at", "id")


def _notifications(ctx: _Context) -> Records:
    rows = [
        {
            "id": n.pk,
            "recipient": ctx.own_email(n.recipient_id),
            "kind": n.kind,
            "title": n.title,
            "body": n.body,
            "url": n.url,
            "data": n.data,
            "created_at": n.created_at,
            "read_at": n.read_at,
        }
        for n in notifications_concerning(firm=ctx.firm, people=ctx.people)
    ]
    return Records(rows, [])


def _audit(ctx: _Context) -> Records:
    rows = [
        {
            "id": a.pk,
            "at": a.at,
            # Who acted, if one of the firm's people; moderators and administrators stay unnamed.
            "actor": ctx.own_email(a.actor_id),
            "action": a.action,
            "target_type": a.target_type,
            "target_id": a.target_id,
            "target_repr": a.target_repr,
            "cluster_id": a.cluster_id,
            "reason": a.reason,
            "data": a.data,
        }
        for a in AuditEntry.objects.filter(firm_id=ctx.firm.pk).order_by("at", "id")
    ]
    return Records(rows, [])


# The JSON files of the export, in the order they are built.
def _appeals(ctx: _Context) -> Records:
    """The firm's teams' appeals against their entries' scores, with attachments and the panel's answers."""
    team_ids = ctx.team_ids()
    appeals = Appeal.objects.filter(entry__team_id__in=team_ids).select_related("project").order_by("filed_at", "id")
    rows: list[dict[str, Any]] = []
    files: list[StoredFile] = []
    for appeal in appeals:
        path = ""
        if appeal.attachment:
            stored_name = appeal.attachment.name or ""
            path = f"files/appeals/{appeal.pk}-{_safe_name(stored_name)}"
            files.append(StoredFile(path, stored_name, appeal.attachment.storage))
        rows.append(
            {
                "id": appeal.pk,
                "project": _project_ref(appeal.project),
                "entry": appeal.entry_id,
                "phase": appeal.phase_number,
                "filed_by": ctx.own_email(appeal.filed_by_id),
                "reason": appeal.reason,
                "attachment": path,
                "attachment_sha256": appeal.attachment_sha256,
                "status": appeal.status,
                "answer": appeal.answer,
                "filed_at": appeal.filed_at,
                "decided_at": appeal.decided_at,
            }
        )
    return Records(rows, files)


def _ideas(ctx: _Context) -> Records:
    """The firm's ideas, the ideas it is credited on (merged ones' authors keep their credit), and the
    comments its people wrote on ideas."""
    credited = Idea.objects.filter(credits__firm=ctx.firm)
    ideas = (Idea.objects.filter(firm=ctx.firm) | credited).distinct().select_related("project").order_by("id")
    comments: dict[int, list[dict[str, Any]]] = {}
    for comment in IdeaComment.objects.filter(firm=ctx.firm).select_related("idea__project").order_by("id"):
        comments.setdefault(comment.idea_id, []).append(
            {"id": comment.pk, "author": ctx.own_email(comment.author_id), "text": comment.text,
             "created_at": comment.created_at}
        )  # fmt: skip
    rows: list[dict[str, Any]] = []
    for idea in ideas:
        ours = idea.firm_id == ctx.firm.pk
        rows.append(
            {
                "id": idea.pk,
                "project": _project_ref(idea.project),
                "ours": ours,
                "title": idea.title,
                # another firm's idea we are credited on (ours was merged into it): its title, not its text
                "text": idea.text if ours else "",
                "author": ctx.own_email(idea.author_id) if ours else "",
                "merged_into": idea.merged_into_id,
                "merged_at": idea.merged_at,
                "created_at": idea.created_at,
                "our_comments": comments.pop(idea.pk, []),
            }
        )
    for idea_id, written in comments.items():  # comments on ideas neither ours nor credited to us
        rows.append({"id": idea_id, "ours": False, "our_comments": written})
    return Records(rows, [])


def _proposals(ctx: _Context) -> Records:
    """The firm's teams' proposals to RFPs, with their milestones (a selected one's contract: contracts.json)."""
    team_ids = ctx.team_ids()
    proposals = (
        Proposal.objects.filter(team_id__in=team_ids)
        .select_related("project", "team")
        .prefetch_related("milestones")
        .order_by("id")
    )
    rows = [
        {
            "id": proposal.pk,
            "project": _project_ref(proposal.project),
            "team": {"id": proposal.team_id, "name": proposal.team.name},
            "summary": proposal.summary,
            "price": str(proposal.price),
            "delivery_days": proposal.delivery_days,
            "submitted_by": ctx.own_email(proposal.submitted_by_id),
            "submitted_at": proposal.submitted_at,
            "selected_at": proposal.selected_at,
            "milestones": [
                {"position": m.position, "title": m.title, "amount": str(m.amount), "due_days": m.due_days}
                for m in proposal.milestones.all()
            ],
        }
        for proposal in proposals
    ]
    return Records(rows, [])


def _contracts(ctx: _Context) -> Records:
    """The contracts the firm is party to: as the sponsor of the RFP or in the supplier team; each
    milestone with its record of deliveries and decisions."""
    team_ids = ctx.team_ids()
    contracts = (
        Contract.objects.filter(Q(project__sponsor=ctx.firm) | Q(supplier_id__in=team_ids))
        .select_related("project", "supplier")
        .prefetch_related("supplier__members__firm", "milestones__events")
        .order_by("id")
    )
    rows = [
        {
            "id": contract.pk,
            "project": _project_ref(contract.project),
            "role": "sponsor" if contract.project.sponsor_id == ctx.firm.pk else "supplier",
            "supplier": {
                "id": contract.supplier_id,
                "name": contract.supplier.name,
                "firms": [
                    {"id": m.firm_id, "name_zh": m.firm.name_zh, "name_en": m.firm.name_en}
                    for m in contract.supplier.members.all()
                ],
            },
            "price": str(contract.price),
            "delivery_days": contract.delivery_days,
            "created_by": ctx.own_email(contract.created_by_id),
            "created_at": contract.created_at,
            "milestones": [
                {
                    "position": m.position,
                    "title": m.title,
                    "amount": str(m.amount),
                    "due_date": m.due_date,
                    "status": m.status,
                    "events": [
                        {"action": e.action, "note": e.note, "by": ctx.own_email(e.actor_id), "at": e.at}
                        for e in m.events.all()
                    ],
                }
                for m in contract.milestones.all()
            ],
        }
        for contract in contracts
    ]
    return Records(rows, [])


COLLECTORS: list[tuple[str, Callable[[_Context], Records]]] = [
    ("firm.json", _firm_profile),
    ("people.json", _people),
    ("cluster_memberships.json", _memberships),
    ("assets.json", _assets),
    ("use_events_by_firm.json", _uses_by_firm),
    ("use_events_of_assets.json", _uses_of_assets),
    ("access_requests_made.json", _requests(AccessRequest, made=True)),
    ("access_requests_received.json", _requests(AccessRequest, made=False)),
    ("licence_requests_made.json", _requests(LicenceRequest, made=True)),
    ("licence_requests_received.json", _requests(LicenceRequest, made=False)),
    ("projects.json", _projects),
    ("terms_accepted.json", _terms_accepted),
    ("questions_asked.json", _questions_asked),
    ("entries.json", _entries),
    ("appeals.json", _appeals),
    ("ideas.json", _ideas),
    ("proposals.json", _proposals),
    ("contracts.json", _contracts),
    ("judging.json", _judging),
    ("notifications.json", _notifications),
    ("audit_entries.json", _audit),
]


def export_records(*, firm: Firm) -> Iterable[tuple[str, Records]]:
    """Each kind of record of the firm, one at a time, named by its file in the ZIP."""
    ctx = _Context(firm)
    for name, collect in COLLECTORS:
        yield name, collect(ctx)
