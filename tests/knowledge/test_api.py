"""The API: the same services and selectors as the pages, hence the same answers."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clusters.models import ReviewPolicy
from knowledge.models import Asset, AssetStatus, AssetVersion
from platform_.audit.models import AuditEntry
from tests.factories import ClusterFactory, UserFactory, active_member, firm_with_owner
from tests.knowledge.factories import make_asset

pytestmark = pytest.mark.django_db


def test_create_upload_submit_and_moderate_through_the_api(client) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.BEFORE, moderators=[moderator])
    _firm, owner = active_member(cluster)
    client.force_login(owner)
    created = client.post(
        reverse("v1:asset-list"),
        {
            "title_zh": "染色工艺",
            "kind": "know_how",
            "access_level": "clusters",
            "access_clusters": [cluster.pk],
            "categories": ["chemistry.dyeing"],
            "tags": ["染色"],
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    upload = client.post(
        reverse("v1:asset-versions", args=[pk]),
        {"file": SimpleUploadedFile("recipe.csv", b"dye,temp\nred,80\nblue,90\n")},
    )
    assert upload.status_code == 201
    assert upload.json()["content_type"] == "text/csv"
    submitted = client.post(reverse("v1:asset-submit", args=[pk]))
    assert submitted.json()["status"] == AssetStatus.PENDING
    client.force_login(moderator)
    queue = client.get(reverse("v1:asset-moderation-queue")).json()
    assert [row["id"] for row in queue] == [pk]
    decided = client.post(
        reverse("v1:asset-moderate", args=[pk]),
        {"decision": "approve", "reason": "ok"},
        content_type="application/json",
    )
    assert decided.status_code == 200
    assert AuditEntry.objects.filter(action="asset.approve", target_id=str(pk)).exists()


def test_hostile_upload_is_a_400_problem_and_nothing_is_stored(client) -> None:
    asset = make_asset(publish=False)
    client.force_login(asset.created_by)
    response = client.post(
        reverse("v1:asset-versions", args=[asset.pk]),
        {"file": SimpleUploadedFile("photo.png", b"#!/bin/sh\nrm -rf /\n")},
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert not AssetVersion.objects.exists()


def test_moderation_by_a_stranger_is_a_404(client) -> None:
    asset = make_asset()
    client.force_login(firm_with_owner()[1])
    response = client.post(
        reverse("v1:asset-moderate", args=[asset.pk]),
        {"decision": "take_down", "reason": "x"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert Asset.objects.get(pk=asset.pk).status == AssetStatus.PUBLISHED


def test_bad_input_is_a_400_not_a_500(client) -> None:
    _firm, owner = firm_with_owner()
    client.force_login(owner)
    assert client.get(reverse("v1:asset-list"), {"kind": "nonsense"}).status_code == 400
    response = client.post(reverse("v1:asset-list"), {"title_en": ""}, content_type="application/json")
    assert response.status_code == 400


def test_search_results_carry_snippets_and_facets(client) -> None:
    make_asset(title_zh="纺织机械手册", title_en="")
    body = client.get(reverse("v1:asset-list"), {"q": "纺织"}).json()
    assert body["count"] == 1
    assert "<mark>纺织</mark>" in body["results"][0]["snippet"]
    assert body["facets"]["kind"] == [{"kind": "document", "count": 1}]


def test_owner_statistics_are_for_owners_only(client) -> None:
    asset = make_asset()
    client.force_login(firm_with_owner()[1])
    assert client.get(reverse("v1:asset-statistics", args=[asset.pk])).status_code == 404
    client.force_login(asset.created_by)
    assert client.get(reverse("v1:asset-statistics", args=[asset.pk])).json()["total"] == 0


def test_categories_are_listed(client) -> None:
    codes = [row["code"] for row in client.get(reverse("v1:knowledge-category-list")).json()]
    assert "machinery.textile" in codes
    assert len(codes) >= 30
