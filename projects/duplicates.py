"""Entries in duplicate detection (``platform_.duplicates``), registered from ProjectsConfig.ready().

A submitted entry is compared, by file hash and by text (title and description of its latest
version), with the entries its submitter may see through the seal (their own firms' entries, in any
challenge) and with the knowledge assets they may see; "cite" adds an asset to the entry's sources.
A submitted idea is compared with the ideas its submitter may see (their own firms' ideas, and the
standing ideas of open ideations their firm takes part in) and with the knowledge assets they may see.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from platform_.duplicates.registry import DuplicateKind, Fingerprint, kind_register
from platform_.events import subscribe
from platform_.identity.models import Firm, FirmMember, User
from projects.models import Entry, EntryFile, EntryVersion, ProjectKind
from projects.models_types import Idea
from projects.selectors import UNSEALED

KIND = "projects.entry"
IDEA = "projects.idea"
ASSET = "knowledge.asset"


def _fingerprints(ids: list[int]) -> dict[int, Fingerprint]:
    latest: dict[int, tuple[int, str]] = {}
    for entry_id, version_id, description in (
        EntryVersion.objects.filter(entry_id__in=ids)
        .order_by("entry_id", "number")
        .values_list("entry_id", "pk", "description")
    ):
        latest[entry_id] = (version_id, description)
    hashes: dict[int, set[str]] = {}
    for entry_id, sha256 in EntryFile.objects.filter(version_id__in=[v for v, _d in latest.values()]).values_list(
        "version__entry_id", "sha256"
    ):
        hashes.setdefault(entry_id, set()).add(sha256)
    return {
        entry_id: Fingerprint(
            text="\n".join(p for p in (title, latest.get(entry_id, (0, ""))[1]) if p),
            file_hashes=frozenset(hashes.get(entry_id, ())),
        )
        for entry_id, title in Entry.objects.filter(pk__in=ids).values_list("pk", "title")
    }


def _visible(user: Any, firm: Any) -> QuerySet[Entry]:
    """A conservative part of what the seal lets the person see (``sealed_entries_visible_to``): their
    own firms' entries, and for an administrator the entries of challenges closed for entries."""
    if not getattr(user, "is_authenticated", False):
        return Entry.objects.none()
    seen = Q(team__members__firm__members__user=user)
    if user.is_platform_admin:
        seen |= Q(project__status__in=UNSEALED)
    return Entry.objects.filter(pk__in=Entry.objects.filter(seen).values("pk"))


def _describe(ids: list[int]) -> dict[int, tuple[str, str]]:
    return {entry.pk: (entry.title, entry.get_absolute_url()) for entry in Entry.objects.filter(pk__in=ids)}


def _reviewer_role(user: Any, firm: Any, entry_id: int) -> str | None:
    if FirmMember.objects.filter(user=user, firm__project_teams__team__entry__pk=entry_id).exists():
        return "submitter"
    if user.is_platform_admin and Entry.objects.filter(pk=entry_id, project__status__in=UNSEALED).exists():
        return "moderator"
    return None


def _cite(*, subject_id: int, match_id: int, by: Any, firm: Any) -> None:
    from knowledge.models import AssetStatus
    from knowledge.selectors import assets_visible_to
    from platform_.audit.services import audit_record
    from platform_.errors import NotFound

    asset = assets_visible_to(user=by, firm=firm).filter(pk=match_id, status=AssetStatus.PUBLISHED).first()
    if asset is None:
        raise NotFound(_("No such asset."))
    entry = Entry.objects.get(pk=subject_id)
    entry.cited_assets.add(asset)
    audit_record(actor=by, action="entry.cite", target=entry, firm=firm, data={"asset": asset.pk})


def on_entry_submitted(name: str, payload: dict[str, Any]) -> None:
    """After a version commits: flag what the entry resembles among what its submitter may see."""
    from platform_.duplicates.services import duplicates_detect

    version = EntryVersion.objects.filter(entry_id=payload["entry_id"]).order_by("-number").first()
    by = User.objects.filter(pk=version.submitted_by_id).first() if version and version.submitted_by_id else None
    if by is None:
        return
    firm = Firm.objects.filter(pk__in=payload.get("team_firm_ids", []), members__user=by).order_by("pk").first()
    if firm is not None:
        duplicates_detect(kind=KIND, subject_id=payload["entry_id"], by=by, firm=firm)


def _idea_fingerprints(ids: list[int]) -> dict[int, Fingerprint]:
    return {
        pk: Fingerprint(text=f"{title}\n{text}")
        for pk, title, text in Idea.objects.filter(pk__in=ids).values_list("pk", "title", "text")
    }


def _ideas_visible(user: Any, firm: Any) -> QuerySet[Idea]:
    """A conservative part of ``selectors_types.ideas_visible_to`` across challenges: the ideas credited
    to the person's firms, and the standing ideas of open ideations the acting firm accepted the terms of."""
    if not getattr(user, "is_authenticated", False):
        return Idea.objects.none()
    seen = Q(credits__firm__members__user=user)
    if firm is not None and FirmMember.objects.filter(user=user, firm=firm).exists():
        seen |= Q(
            project__kind=ProjectKind.IDEATION,
            project__ideation__open=True,
            project__acceptances__firm=firm,
            merged_into__isnull=True,
        )
    return Idea.objects.filter(pk__in=Idea.objects.filter(seen).values("pk"))


def _describe_ideas(ids: list[int]) -> dict[int, tuple[str, str]]:
    from django.urls import reverse

    return {
        pk: (title, reverse("projects:ideas", args=[project_id]))
        for pk, title, project_id in Idea.objects.filter(pk__in=ids).values_list("pk", "title", "project_id")
    }


def _idea_reviewer_role(user: Any, firm: Any, idea_id: int) -> str | None:
    if Idea.objects.filter(pk=idea_id, credits__firm__members__user=user).exists():
        return "submitter"
    return None


def on_idea_submitted(name: str, payload: dict[str, Any]) -> None:
    """After an idea commits: flag what it resembles among what its author may see."""
    from platform_.duplicates.services import duplicates_detect

    idea = Idea.objects.filter(pk=payload["idea_id"]).select_related("author", "firm").first()
    if idea is not None and idea.author is not None:
        duplicates_detect(kind=IDEA, subject_id=idea.pk, by=idea.author, firm=idea.firm)


def register() -> None:
    kind_register(
        DuplicateKind(
            name=KIND,
            fingerprints=_fingerprints,
            visible=_visible,
            describe=_describe,
            compare_with=(KIND, ASSET),
            reviewer_role=_reviewer_role,
            api_resource="entries",
            actions={(ASSET, "cite"): _cite},
        )
    )
    subscribe("entry.submitted", on_entry_submitted)
    kind_register(
        DuplicateKind(
            name=IDEA,
            fingerprints=_idea_fingerprints,
            visible=_ideas_visible,
            describe=_describe_ideas,
            compare_with=(IDEA, ASSET),
            reviewer_role=_idea_reviewer_role,
            api_resource="entries",
        )
    )
    subscribe("idea.submitted", on_idea_submitted)
