"""Moderation fairness (issue 13, finding 5): nobody decides on their own firm's asset; another
moderator of the cluster or a platform administrator does. Moderators see why an asset was reported."""

from __future__ import annotations

from html import unescape
from typing import Any

import pytest
from django.urls import reverse

from clusters.models import ReviewPolicy
from knowledge import services
from knowledge.models import AccessLevel, AssetStatus, Decision, ModerationDecision
from platform_.errors import NotAllowed
from platform_.identity.models import FirmRole
from platform_.notifications.models import Notification
from tests.factories import ClusterFactory, FirmMemberFactory, UserFactory, active_member, firm_with_owner

pytestmark = pytest.mark.django_db

REFUSAL = "This is your firm's asset: another moderator of the cluster or a platform administrator decides."


@pytest.fixture
def world() -> dict[str, Any]:
    """A review-before cluster with two moderators, one of whom works for the firm that submits an asset."""
    insider = UserFactory.create()
    outsider = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.BEFORE, moderators=[insider, outsider])
    firm, owner = active_member(cluster)
    FirmMemberFactory.create(firm=firm, user=insider, role=FirmRole.MEMBER)
    asset = services.asset_create(
        by=owner,
        firm=firm,
        title_en="Spindle tuning",
        access_level=AccessLevel.CLUSTERS,
        access_clusters=[cluster],
        submit=True,
    )
    assert asset.status == AssetStatus.PENDING
    return {"cluster": cluster, "firm": firm, "owner": owner, "insider": insider, "outsider": outsider, "asset": asset}


def test_a_moderator_may_not_decide_on_their_own_firms_asset(world) -> None:
    for decision in Decision.values:
        with pytest.raises(NotAllowed) as refused:
            services.asset_moderate(asset=world["asset"], by=world["insider"], decision=decision, reason="fine")
        assert refused.value.code == "own_firm"
    world["asset"].refresh_from_db()
    assert world["asset"].status == AssetStatus.PENDING
    assert not ModerationDecision.objects.exists()


def test_the_api_refuses_it_with_a_403_problem(client, world) -> None:
    client.force_login(world["insider"])
    response = client.post(
        reverse("v1:asset-moderate", args=[world["asset"].pk]),
        {"decision": "approve", "reason": "looks good"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/problem+json")
    assert REFUSAL in response.json()["detail"]


def test_the_page_refuses_it_with_a_message(client, world) -> None:
    client.force_login(world["insider"])
    response = client.post(
        reverse("knowledge:moderate", args=[world["asset"].pk]),
        {"decision": "approve", "reason": "looks good"},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert REFUSAL in unescape(response.content.decode())
    world["asset"].refresh_from_db()
    assert world["asset"].status == AssetStatus.PENDING


def test_another_moderator_of_the_cluster_decides(world) -> None:
    services.asset_moderate(asset=world["asset"], by=world["outsider"], decision="approve", reason="ok")
    world["asset"].refresh_from_db()
    assert world["asset"].status == AssetStatus.PUBLISHED


def test_a_platform_administrator_decides_unless_the_asset_is_their_firms(world) -> None:
    admin = UserFactory.create(is_staff=True)
    services.asset_moderate(asset=world["asset"], by=admin, decision="request_changes", reason="add a drawing")

    own_admin = UserFactory.create(is_staff=True)
    FirmMemberFactory.create(firm=world["firm"], user=own_admin, role=FirmRole.ADMIN)
    with pytest.raises(NotAllowed):
        services.asset_moderate(asset=world["asset"], by=own_admin, decision="take_down", reason="mine")


def test_a_report_on_ones_own_firms_asset_is_resolved_by_another_moderator(world) -> None:
    services.asset_moderate(asset=world["asset"], by=world["outsider"], decision="approve", reason="ok")
    reporter_firm, reporter = active_member(world["cluster"])
    services.report_create(asset=world["asset"], by=reporter, firm=reporter_firm, reason="Copied from a catalogue")
    with pytest.raises(NotAllowed):
        services.asset_moderate(asset=world["asset"], by=world["insider"], decision="approve", reason="not copied")
    told = set(Notification.objects.filter(kind="knowledge.report").values_list("recipient", flat=True))
    assert told == {world["outsider"].pk}


def test_only_moderators_who_may_decide_are_asked_to_review(world) -> None:
    asked = set(Notification.objects.filter(kind="knowledge.review").values_list("recipient", flat=True))
    assert asked == {world["outsider"].pk}


def test_when_every_moderator_is_of_the_firm_the_administrators_are_asked() -> None:
    firm, owner = firm_with_owner()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.BEFORE, moderators=[owner])
    from tests.factories import MembershipFactory

    MembershipFactory.create(cluster=cluster, firm=firm)
    admin = UserFactory.create(is_staff=True)
    services.asset_create(
        by=owner, firm=firm, title_en="Alone", access_level=AccessLevel.CLUSTERS, access_clusters=[cluster], submit=True
    )
    asked = set(Notification.objects.filter(kind="knowledge.review").values_list("recipient", flat=True))
    assert asked == {admin.pk}


def test_the_queue_says_another_moderator_decides_on_ones_own_firms_asset(client, world) -> None:
    client.force_login(world["insider"])
    page = unescape(client.get(reverse("knowledge:moderation"), HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert "Spindle tuning" in page
    assert "Your firm's asset: another moderator decides." in page
    assert 'data-testid="moderate-form"' not in page

    api = client.get(reverse("v1:asset-moderation-queue")).json()
    assert [(row["id"], row["own_firm"]) for row in api] == [(world["asset"].pk, True)]

    client.force_login(world["outsider"])
    page = client.get(reverse("knowledge:moderation"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-testid="moderate-form"' in page
    assert client.get(reverse("v1:asset-moderation-queue")).json()[0]["own_firm"] is False


def test_the_queue_shows_moderators_the_reasons_of_open_reports(client, world) -> None:
    services.asset_moderate(asset=world["asset"], by=world["outsider"], decision="approve", reason="ok")
    reporter_firm, reporter = active_member(world["cluster"])
    services.report_create(asset=world["asset"], by=reporter, firm=reporter_firm, reason="Copied from a catalogue")

    client.force_login(world["outsider"])
    page = client.get(reverse("knowledge:moderation")).content.decode()
    assert "Copied from a catalogue" in page
    api = client.get(reverse("v1:asset-moderation-queue")).json()
    assert [r["reason"] for r in api[0]["reports"]] == ["Copied from a catalogue"]
    assert api[0]["open_reports"] == 1
