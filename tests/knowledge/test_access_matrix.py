"""The access matrix: every role × every access level × every surface gives the allowed answer, or a 403
(a restricted asset the firm may ask access to) or a 404 (everything it may not know of)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from clusters.models import ReviewPolicy
from knowledge import selectors, services
from knowledge.models import AccessLevel, Asset
from tests.factories import ClusterFactory, MembershipFactory, UserFactory, active_member, firm_with_owner

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outside_firm", "cluster_member", "named_firm", "co_owner", "moderator", "administrator"]
LEVELS = [AccessLevel.PUBLIC, AccessLevel.CLUSTERS, AccessLevel.FIRMS, AccessLevel.PRIVATE]
WORD = "Zirconia"

ALLOWED: dict[str, set[str]] = {
    AccessLevel.PUBLIC: set(ROLES),
    AccessLevel.CLUSTERS: {"cluster_member", "co_owner", "moderator", "administrator"},
    AccessLevel.FIRMS: {"named_firm", "co_owner", "moderator", "administrator"},
    AccessLevel.PRIVATE: {"co_owner"},
}
HAS_FIRM = {"outside_firm", "cluster_member", "named_firm", "co_owner"}


@dataclass
class World:
    asset: Asset
    people: dict[str, Any]
    firms: dict[str, Any]


def _world(level: str) -> World:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.AFTER, moderators=[moderator])
    owner_firm, owner = active_member(cluster)
    co_owner_firm, co_owner = firm_with_owner()
    member_firm, member = active_member(cluster)
    named_firm, named = firm_with_owner()
    outside_firm, outside = firm_with_owner()
    MembershipFactory.create(cluster=ClusterFactory.create(), firm=outside_firm)  # a member of some other cluster
    asset = services.asset_create(
        by=owner,
        firm=owner_firm,
        owners=[owner_firm, co_owner_firm],
        title_en=f"{WORD} ceramic bearings",
        access_level=level,
        access_clusters=[cluster] if level == AccessLevel.CLUSTERS else [],
        access_firms=[named_firm] if level == AccessLevel.FIRMS else [],
    )
    services.version_add(asset=asset, by=owner, uploaded_file=SimpleUploadedFile("spec.txt", b"bearing spec"))
    asset = services.asset_submit(asset=asset, by=owner)
    people = {
        "anonymous": None,
        "outside_firm": outside,
        "cluster_member": member,
        "named_firm": named,
        "co_owner": co_owner,
        "moderator": moderator,
        "administrator": UserFactory.create(is_staff=True),
    }
    firms = {
        "outside_firm": outside_firm,
        "cluster_member": member_firm,
        "named_firm": named_firm,
        "co_owner": co_owner_firm,
    }
    return World(asset=asset, people=people, firms=firms)


def _client(world: World, role: str) -> Client:
    client = Client()
    if world.people[role] is not None:
        client.force_login(world.people[role])
    return client


def _denied_status(level: str, role: str) -> int:
    """Restricted assets tell a firm that it may ask for access; everything else is not found."""
    return 403 if level in (AccessLevel.CLUSTERS, AccessLevel.FIRMS) and role in HAS_FIRM else 404


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(role: str, level: str) -> None:
    world = _world(level)
    asset = world.asset
    allowed = role in ALLOWED[level]
    client = _client(world, role)
    answers: dict[str, Any] = {}

    answers["page"] = client.get(reverse("knowledge:detail", args=[asset.pk])).status_code
    listed = client.get(reverse("v1:asset-list")).json()
    answers["api list"] = asset.pk in [row["id"] for row in listed["results"]]
    answers["api detail"] = client.get(reverse("v1:asset-detail", args=[asset.pk])).status_code
    found = selectors.asset_search(user=world.people[role], firm=world.firms.get(role), query=WORD)
    answers["search"] = (found.total, [a.pk for a in found.results])
    page_search = client.get(reverse("knowledge:index"), {"q": WORD}).content.decode()
    answers["search page"] = "ceramic bearings" in page_search
    api_search = client.get(reverse("v1:asset-list"), {"q": WORD}).json()
    answers["api search"] = api_search["count"]
    answers["download"] = client.get(reverse("knowledge:download", args=[asset.pk, 1])).status_code
    answers["api download"] = client.get(reverse("v1:asset-version-download", args=[asset.pk, 1])).status_code

    denied = _denied_status(level, role)
    expected = {
        "page": 200 if allowed else denied,
        "api list": allowed,
        "api detail": 200 if allowed else denied,
        "search": (1, [asset.pk]) if allowed else (0, []),
        "search page": allowed,
        "api search": 1 if allowed else 0,
        "download": 200 if allowed else 404,
        "api download": 200 if allowed else 404,
    }
    assert answers == expected
