"""The rooms registry: which kinds of room exist, which documents each holds, and who may enter."""

from __future__ import annotations

import importlib
from typing import Any

from django.db import transaction

from clusters.models import Cluster, ClusterMembership, ClusterStatus, MembershipStatus
from platform_.realtime.groups import document_name
from platform_.realtime.selectors import document_text

# Documents co-edited in each kind of room.
ROOM_DOCUMENTS: dict[str, tuple[str, ...]] = {
    "cluster": ("notes",),
    "project": ("brief", "notes"),
}


def cluster_room_allowed(*, user: Any, cluster_id: int) -> bool:
    """Active member firms' people, the cluster's moderators and platform administrators."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_platform_admin:
        return Cluster.objects.filter(pk=cluster_id).exists()
    if Cluster.objects.filter(pk=cluster_id, moderators=user).exists():
        return True
    return ClusterMembership.objects.filter(
        cluster_id=cluster_id,
        cluster__status=ClusterStatus.APPROVED,
        status=MembershipStatus.ACTIVE,
        firm__members__user=user,
    ).exists()


def _projects_rule(name: str) -> Any:
    """A rule of the projects domain (``projects.selectors.<name>``), or None while it has none."""
    try:
        selectors = importlib.import_module("projects.selectors")
    except ImportError:
        return None
    return getattr(selectors, name, None)


def project_room_allowed(*, user: Any, project_id: int) -> bool:
    """Delegated to the projects domain; refuses everyone until it provides the rule."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    rule = _projects_rule("project_room_allowed")
    if rule is None:
        return False
    return bool(rule(user=user, project_id=project_id))


def room_allowed(*, user: Any, kind: str, object_id: int) -> bool:
    if kind == "cluster":
        return cluster_room_allowed(user=user, cluster_id=object_id)
    if kind == "project":
        return project_room_allowed(user=user, project_id=object_id)
    return False


def document_allowed(*, user: Any, kind: str, object_id: int, doc: str) -> bool:
    return doc in ROOM_DOCUMENTS.get(kind, ()) and room_allowed(user=user, kind=kind, object_id=object_id)


def document_editable(*, user: Any, kind: str, object_id: int, doc: str) -> bool:
    """Who may change a document; everyone allowed in the room may read it.

    A project's brief belongs to the sponsor and changes only while the project may change
    (the projects domain decides); shared notes are everyone's in the room.
    """
    if not document_allowed(user=user, kind=kind, object_id=object_id, doc=doc):
        return False
    if kind == "project" and doc == "brief":
        rule = _projects_rule("project_brief_editable")
        return rule is not None and bool(rule(user=user, project_id=object_id))
    return True


def document_writes_back(*, kind: str, doc: str) -> bool:
    """Does the document's text go back to where it came from (a project's brief)?"""
    return kind == "project" and doc == "brief"


def document_write_back(*, kind: str, object_id: int, doc: str, by: Any) -> None:
    """Write the document's current text to its source, as ``by``; the source's own rule decides.

    Raises the domain's error (NotAllowed when ``by`` may no longer change it).
    """
    if not document_writes_back(kind=kind, doc=doc):
        return
    from projects.models import Project
    from projects.services import project_brief_set

    with transaction.atomic():
        # The text is read under the project's lock, so concurrent writers store it in order.
        project = Project.objects.select_for_update().filter(pk=object_id).first()
        if project is None:
            return
        project_brief_set(project=project, text=document_text(name=document_name(kind, object_id, doc)), by=by)


def document_initial_text(*, kind: str, object_id: int, doc: str) -> str:
    """What a document starts from before anyone edits it: a project's brief as written."""
    if kind != "project" or doc != "brief":
        return ""
    try:
        from projects.models import Project
    except ImportError:
        return ""
    return Project.objects.filter(pk=object_id).values_list("brief", flat=True).first() or ""


def room_title(*, kind: str, object_id: int) -> str:
    if kind == "cluster":
        cluster = Cluster.objects.filter(pk=object_id).first()
        return cluster.name if cluster else ""
    try:
        from projects.models import Project
    except ImportError:
        return ""
    project = Project.objects.filter(pk=object_id).first()
    return str(project) if project else ""


def cluster_room_titles(*, ids: list[int]) -> dict[int, str]:
    """Titles of many cluster rooms in one query."""
    return {cluster.pk: cluster.name for cluster in Cluster.objects.filter(pk__in=ids).only("id", "name_zh", "name_en")}


def rooms_of(*, user: Any) -> list[tuple[str, int]]:
    """The cluster rooms a person may enter (project rooms are listed on the projects' pages)."""
    if user is None or not user.is_authenticated:
        return []
    if user.is_platform_admin:
        ids: list[int] = list(Cluster.objects.filter(status=ClusterStatus.APPROVED).values_list("id", flat=True))
    else:
        active = ClusterMembership.objects.filter(
            status=MembershipStatus.ACTIVE, firm__members__user=user, cluster__status=ClusterStatus.APPROVED
        ).values_list("cluster_id", flat=True)
        moderated = Cluster.objects.filter(moderators=user).values_list("id", flat=True)
        ids = sorted(set(active) | set(moderated))
    return [("cluster", cluster_id) for cluster_id in ids]
