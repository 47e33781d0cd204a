"""Duplicate flags in the partner API: the same rules as the pages, a 404 for anyone who may not review."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from clusters.models import ReviewPolicy
from knowledge import services
from knowledge.models import AccessLevel, AssetLink
from platform_.duplicates.models import DuplicateFlag
from tests.api.factories import bearer, issue_key
from tests.duplicates.test_flags import NEAR, TEXT
from tests.factories import ClusterFactory, UserFactory, active_member, firm_with_owner
from tests.knowledge.factories import make_asset

pytestmark = pytest.mark.django_db


@pytest.fixture
def flagged(django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    original = make_asset(title_zh="原始的冷却系统", summary_zh=TEXT)
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.BEFORE, moderators=[moderator])
    firm, owner = active_member(cluster)
    with django_capture_on_commit_callbacks(execute=True):
        asset = services.asset_create(
            by=owner,
            firm=firm,
            title_zh="注塑模具冷却",
            summary_zh=NEAR,
            access_level=AccessLevel.CLUSTERS,
            access_clusters=[cluster],
            submit=True,
        )
    flag = DuplicateFlag.objects.get(subject_id=asset.pk)
    return {"original": original, "asset": asset, "firm": firm, "owner": owner, "moderator": moderator, "flag": flag}


def _url(flagged: dict[str, Any], decide: bool = False) -> str:
    base = f"/api/v1/duplicates/knowledge.asset/{flagged['asset'].pk}/"
    return f"{base}{flagged['flag'].pk}/decide/" if decide else base


def test_the_submitter_s_key_reads_the_flags(flagged: dict[str, Any]) -> None:
    key = issue_key(firm=flagged["firm"], by=flagged["owner"], scopes=["assets:read"])
    response = APIClient().get(_url(flagged), **bearer(key.token))
    assert response.status_code == 200
    (row,) = response.json()
    assert (row["match_id"], row["method"], row["status"]) == (flagged["original"].pk, "text", "open")
    assert row["actions"] == ["new_version", "cite", "not_duplicate"]


def test_a_key_without_the_kind_s_scope_is_refused(flagged: dict[str, Any]) -> None:
    key = issue_key(firm=flagged["firm"], by=flagged["owner"], scopes=["entries:read"])
    assert APIClient().get(_url(flagged), **bearer(key.token)).status_code == 403


def test_a_stranger_gets_a_404_for_the_flags_and_the_decision(flagged: dict[str, Any]) -> None:
    client = APIClient()
    client.force_authenticate(firm_with_owner()[1])
    assert client.get(_url(flagged)).status_code == 404
    response = client.post(_url(flagged, decide=True), {"action": "not_duplicate"}, format="json")
    assert response.status_code == 404


def test_the_submitter_cites_through_the_api(flagged: dict[str, Any]) -> None:
    key = issue_key(firm=flagged["firm"], by=flagged["owner"], scopes=["assets:write"])
    client = APIClient()
    response = client.post(_url(flagged, decide=True), {"action": "cite"}, format="json", **bearer(key.token))
    assert response.status_code == 200
    assert response.json()["status"] == "cited"
    assert AssetLink.objects.filter(citing=flagged["asset"], cited=flagged["original"]).exists()
    again = client.post(_url(flagged, decide=True), {"action": "cite"}, format="json", **bearer(key.token))
    assert again.status_code == 409


def test_a_moderator_may_dismiss_but_not_cite(flagged: dict[str, Any]) -> None:
    client = APIClient()
    client.force_authenticate(flagged["moderator"])
    assert client.post(_url(flagged, decide=True), {"action": "cite"}, format="json").status_code == 403
    assert client.post(_url(flagged, decide=True), {"action": "bogus"}, format="json").status_code == 400
    response = client.post(_url(flagged, decide=True), {"action": "not_duplicate"}, format="json")
    assert response.status_code == 200
