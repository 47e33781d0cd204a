"""The access matrix of issue 13: every role × every surface shows only what the role may see.

One world per module: a private asset, a named-firm asset and a cluster asset (each with a file),
a design project in judging with a confidential brief, a sealed entry of the solver (with a file),
an entry of another solver and a judge's private score (the panel is still open). Every secret
carries a marker word in its title, text and file; a cell fails when a marker shows where the role
may not see it. Each role must also see everything it may see on at least one surface, so the
matrix cannot pass by showing nothing.

Surfaces: pages, API detail and lists, search results with counts and snippets, file downloads,
notifications and webhook audiences (HTTP and services, in this module's transaction). Socket
connection and frames need committed data: tests/security/test_access_matrix_sockets.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusters.models import ReviewPolicy
from knowledge import services as knowledge
from knowledge.models import AccessLevel
from platform_.api.keys import api_key_revoke
from platform_.api.models import ApiKey
from platform_.api.scopes import ALL_SCOPES
from platform_.api.webhooks import audience_of, outgoing_payload
from projects import services as projects
from tests.api.factories import bearer, issue_key
from tests.factories import ClusterFactory, MembershipFactory, UserFactory, active_member, firm_with_owner
from tests.projects.factories import open_project, pass_deadline, solver, upload

WORD = "Zirconia"  # every asset is found by it, so search shows what it counts
SECRETS = {
    "private asset": "PRIVATEASSETMARK",
    "named asset": "NAMEDASSETMARK",
    "cluster asset": "CLUSTERASSETMARK",
    "sealed entry": "SEALEDENTRYMARK",
    "confidential brief": "CONFIDENTIALBRIEFMARK",
    "private score": "PRIVATESCOREMARK",
}
ASSETS = ("private asset", "named asset", "cluster asset")
PROJECT = ("sealed entry", "confidential brief", "private score")

SESSION_ROLES = [
    "anonymous",
    "outsider",
    "cluster_member",
    "named_firm",
    "moderator",
    "asset_owner",
    "sponsor",
    "solver",
    "other_solver",
    "judge",
    "admin",
]
KEY_ROLES = ["key_full", "key_scoped", "key_revoked", "key_expired"]

# What each role may see. Keys are of the assets' owner firm: the full one sees what the firm sees,
# the scoped one (projects only) no asset, revoked and expired ones nothing at all.
MAY_SEE: dict[str, set[str]] = {
    "anonymous": set(),
    "outsider": set(),
    "cluster_member": {"cluster asset"},
    "named_firm": {"named asset"},
    "moderator": {"named asset", "cluster asset"},
    "asset_owner": set(ASSETS),
    "sponsor": {"sealed entry", "confidential brief"},
    "solver": {"sealed entry", "confidential brief"},
    "other_solver": {"confidential brief"},
    "judge": {"sealed entry", "confidential brief", "private score"},
    "admin": {"named asset", "cluster asset", "sealed entry", "confidential brief"},
    "key_full": set(ASSETS),
    "key_scoped": set(),
    "key_revoked": set(),
    "key_expired": set(),
}


@dataclass
class World:
    people: dict[str, Any]
    firms: dict[str, Any]
    assets: dict[str, Any]
    project: Any
    entry: Any
    entry_file_id: int
    tokens: dict[str, str]
    clients: dict[str, Client] = field(default_factory=dict)


def _asset(owner_firm: Any, owner: Any, secret: str, level: str, **access: Any) -> Any:
    marker = SECRETS[secret]
    asset = knowledge.asset_create(
        by=owner,
        firm=owner_firm,
        owners=[owner_firm],
        title_en=f"{WORD} {marker} bearings",
        summary_en=f"{WORD} ceramic {marker} summary",
        access_level=level,
        **access,
    )
    knowledge.version_add(
        asset=asset, by=owner, uploaded_file=SimpleUploadedFile("spec.txt", f"spec {marker}".encode())
    )
    return knowledge.asset_submit(asset=asset, by=owner)


def _build() -> World:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.AFTER, moderators=[moderator])
    owner_firm, owner = active_member(cluster)
    member_firm, member = active_member(cluster)
    named_firm, named = firm_with_owner()
    outsider_firm, outsider = firm_with_owner()
    MembershipFactory.create(cluster=ClusterFactory.create(), firm=outsider_firm)
    assets = {
        "private asset": _asset(owner_firm, owner, "private asset", AccessLevel.PRIVATE),
        "named asset": _asset(owner_firm, owner, "named asset", AccessLevel.FIRMS, access_firms=[named_firm]),
        "cluster asset": _asset(owner_firm, owner, "cluster asset", AccessLevel.CLUSTERS, access_clusters=[cluster]),
    }

    project, sponsor = open_project(confidential_brief=f"Drawing {SECRETS['confidential brief']} no. 77-A")
    solver_firm, solver_owner = solver(project)
    other_firm, other_owner = solver(project)
    entry = projects.entry_submit(
        project=project,
        by=solver_owner,
        firm=solver_firm,
        files=[upload(f"%PDF-1.4 {SECRETS['sealed entry']}".encode())],
        description=f"Our {SECRETS['sealed entry']} design",
        title=f"Design {SECRETS['sealed entry']}",
    )
    entry = getattr(entry, "entry", entry)  # a receipt or the entry itself
    projects.entry_submit(
        project=project, by=other_owner, firm=other_firm, files=[upload(b"%PDF-1.4 other")], description="Other"
    )
    judge = UserFactory.create()
    projects.judge_add(project=project, by=sponsor, user=judge)
    pass_deadline(project)
    projects.projects_close_due()
    projects.project_transition(project=project, action="start_judging", by=sponsor)
    project.refresh_from_db()
    from projects.models import Entry

    judged = Entry.objects.get(project=project, team__members__firm=solver_firm)
    values = {criterion.pk: 1 for criterion in project.criteria.all()}
    projects.score_submit(
        project=project, by=judge, entry=judged, values=values, comment=f"Weak {SECRETS['private score']}"
    )
    first_version = judged.versions.order_by("number").first()
    assert first_version is not None
    file_id = first_version.files.values_list("pk", flat=True)[0]

    full = issue_key(firm=owner_firm, by=owner, scopes=ALL_SCOPES)
    scoped = issue_key(firm=owner_firm, by=owner, scopes=["projects:read"])
    revoked = issue_key(firm=owner_firm, by=owner, scopes=ALL_SCOPES)
    api_key_revoke(key=ApiKey.objects.get(pk=revoked.key.pk), by=owner)
    expired = issue_key(firm=owner_firm, by=owner, scopes=ALL_SCOPES)
    ApiKey.objects.filter(pk=expired.key.pk).update(expires_at=timezone.now() - timedelta(minutes=1))

    people = {
        "anonymous": None,
        "outsider": outsider,
        "cluster_member": member,
        "named_firm": named,
        "moderator": moderator,
        "asset_owner": owner,
        "sponsor": sponsor,
        "solver": solver_owner,
        "other_solver": other_owner,
        "judge": judge,
        "admin": UserFactory.create(is_staff=True),
    }
    firms = {
        "outsider": outsider_firm,
        "cluster_member": member_firm,
        "named_firm": named_firm,
        "asset_owner": owner_firm,
        "sponsor": project.sponsor,
        "solver": solver_firm,
        "other_solver": other_firm,
    }
    tokens = {
        "key_full": full.token,
        "key_scoped": scoped.token,
        "key_revoked": revoked.token,
        "key_expired": expired.token,
    }
    return World(people, firms, assets, project, judged, file_id, tokens)


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    """Built once for the module inside a transaction that is rolled back at its end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = _build()
            for role in SESSION_ROLES:
                client = Client()
                if built.people[role] is not None:
                    client.force_login(built.people[role])
                built.clients[role] = client
            for role in KEY_ROLES:
                built.clients[role] = Client(**bearer(built.tokens[role]))
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _shown(text: str) -> set[str]:
    return {secret for secret, marker in SECRETS.items() if marker in text}


def _body(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def _surfaces(world: World, role: str) -> dict[str, str]:
    """Every surface the role can reach, as text: pages for people, the API for everyone."""
    client = world.clients[role]
    project, entry = world.project, world.entry
    texts: dict[str, str] = {}
    for secret, asset in world.assets.items():
        texts[f"api asset detail {secret}"] = _body(client.get(reverse("v1:asset-detail", args=[asset.pk])))
        texts[f"api asset download {secret}"] = _body(
            client.get(reverse("v1:asset-version-download", args=[asset.pk, 1]))
        )
    texts["api asset list"] = _body(client.get(reverse("v1:asset-list")))
    texts["api asset search"] = _body(client.get(reverse("v1:asset-list"), {"q": WORD}))
    texts["api project detail"] = _body(client.get(reverse("v1:project-detail", args=[project.pk])))
    texts["api entries"] = _body(client.get(reverse("v1:project-entries", args=[project.pk])))
    texts["api entry"] = _body(client.get(reverse("v1:project-entry", args=[project.pk, entry.pk])))
    texts["api scores"] = _body(client.get(reverse("v1:project-scores", args=[project.pk])))
    texts["api ranking"] = _body(client.get(reverse("v1:project-ranking", args=[project.pk])))
    if role in KEY_ROLES:
        return texts
    for secret, asset in world.assets.items():
        texts[f"page asset {secret}"] = _body(client.get(reverse("knowledge:detail", args=[asset.pk])))
        texts[f"download {secret}"] = _body(client.get(reverse("knowledge:download", args=[asset.pk, 1])))
    texts["search page"] = _body(client.get(reverse("knowledge:index"), {"q": WORD}))
    texts["project page"] = _body(client.get(reverse("projects:detail", args=[project.pk])))
    texts["entry page"] = _body(client.get(reverse("projects:entry", args=[project.pk, entry.pk])))
    texts["entry file"] = _body(
        client.get(reverse("projects:entry-file", args=[project.pk, entry.pk, world.entry_file_id]))
    )
    texts["notifications"] = _body(client.get(reverse("notifications:index")))
    return texts


@pytest.mark.django_db
@pytest.mark.parametrize("role", SESSION_ROLES + KEY_ROLES)
def test_each_surface_shows_only_what_the_role_may_see(world: World, role: str) -> None:
    texts = _surfaces(world, role)
    leaks = {surface: _shown(text) - MAY_SEE[role] for surface, text in texts.items()}
    assert {surface: secrets for surface, secrets in leaks.items() if secrets} == {}
    seen = set().union(*(_shown(text) for text in texts.values()))
    assert seen == MAY_SEE[role], "the role should see these somewhere"


@pytest.mark.django_db
@pytest.mark.parametrize("role", [*SESSION_ROLES, "key_full", "key_scoped"])
def test_search_counts_only_what_the_role_may_see(world: World, role: str) -> None:
    response = world.clients[role].get(reverse("v1:asset-list"), {"q": WORD})
    if role == "key_scoped":
        assert response.status_code == 403  # no assets scope: not even a count
        return
    visible = MAY_SEE[role] & set(ASSETS)
    assert response.json()["count"] == len(visible)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["key_revoked", "key_expired"])
def test_dead_keys_are_refused_everywhere(world: World, role: str) -> None:
    client = world.clients[role]
    for path in (reverse("v1:asset-list"), reverse("v1:project-detail", args=[world.project.pk])):
        assert client.get(path).status_code == 401


@pytest.mark.django_db
def test_webhook_audiences_are_the_firms_that_may_see(world: World) -> None:
    candidates = {firm.pk for firm in world.firms.values()}
    by_firm = {firm.pk: role for role, firm in world.firms.items()}
    for secret, asset in world.assets.items():
        audience = {by_firm[firm_id] for firm_id in audience_of("asset.published", {"asset_id": asset.pk}, candidates)}
        assert audience == {role for role in world.firms if secret in MAY_SEE[role]}, secret
    payload = {
        "entry_id": world.entry.pk,
        "project_id": world.project.pk,
        "version": 1,
        "submitted_at": "2026-01-01T00:00:00Z",
        "sponsor_id": world.project.sponsor_id,
        "title": world.entry.title,
    }
    audience = {by_firm[f] for f in audience_of("entry.submitted", payload, candidates)}
    assert audience <= {"sponsor"}
    assert not _shown(json.dumps(outgoing_payload("entry.submitted", payload)))  # never the content
