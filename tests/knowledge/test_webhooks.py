"""Who hears of an asset over webhooks: the firms the asset visibility rule lets see it, asked in one query."""

from __future__ import annotations

import pytest

from knowledge.models import AccessLevel, Asset, AssetStatus
from knowledge.selectors import assets_visible_to
from knowledge.webhooks import firms_seeing_asset
from platform_ import events
from platform_.api.models import WebhookDelivery
from tests.api.factories import endpoint_for
from tests.factories import ClusterFactory, active_member, firm_with_owner
from tests.knowledge.factories import make_asset

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """An owner, a named firm, a member of an allowed cluster and an outsider, each with an endpoint."""
    cluster = ClusterFactory.create()
    owner, owner_person = active_member(cluster)
    named, named_person = firm_with_owner()
    member, member_person = active_member(cluster)
    outsider, outsider_person = firm_with_owner()
    for firm, person in (
        (owner, owner_person),
        (named, named_person),
        (member, member_person),
        (outsider, outsider_person),
    ):
        endpoint_for(firm=firm, by=person, events=["asset.published", "asset.taken_down"])
    return {"cluster": cluster, "owner": (owner, owner_person), "named": named, "member": member, "outsider": outsider}


def told(event: str, asset: Asset) -> set[int]:
    events.dispatch(event, {"asset_id": asset.pk})
    return set(WebhookDelivery.objects.filter(event=event).values_list("endpoint__firm_id", flat=True))


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (AccessLevel.PUBLIC, {"owner", "named", "member", "outsider"}),
        (AccessLevel.CLUSTERS, {"owner", "named", "member"}),
        (AccessLevel.FIRMS, {"owner", "named"}),
        (AccessLevel.PRIVATE, {"owner"}),
    ],
)
def test_the_webhook_audience_is_the_visibility_rule(world, level, expected):
    owner, person = world["owner"]
    asset = make_asset(
        firm=owner, by=person, access_level=level, access_firms=[world["named"]], access_clusters=[world["cluster"]]
    )
    firms = {name: (world[name][0] if name == "owner" else world[name]) for name in expected}
    assert told("asset.published", asset) == {firm.pk for firm in firms.values()}
    every = [owner, world["named"], world["member"], world["outsider"]]
    rule = {firm.pk for firm in every if assets_visible_to(user=None, firm=firm).filter(pk=asset.pk).exists()}
    assert firms_seeing_asset(asset_id=asset.pk, firm_ids={firm.pk for firm in every}) == rule


def test_the_audience_of_many_firms_is_one_query(world, django_assert_num_queries):
    owner, person = world["owner"]
    asset = make_asset(firm=owner, by=person, access_level=AccessLevel.CLUSTERS, access_clusters=[world["cluster"]])
    candidates = {owner.pk, world["named"].pk, world["member"].pk, world["outsider"].pk, *range(10_000, 10_050)}
    with django_assert_num_queries(1):
        seeing = firms_seeing_asset(asset_id=asset.pk, firm_ids=candidates)
    assert seeing == {owner.pk, world["member"].pk}


def test_a_draft_is_heard_of_by_nobody_but_its_owner(world):
    owner, person = world["owner"]
    asset = make_asset(firm=owner, by=person, publish=False, access_level=AccessLevel.PUBLIC)
    assert told("asset.published", asset) == {owner.pk}


def test_a_take_down_reaches_the_firms_that_could_see_the_asset_and_leaves_it_taken_down(world):
    owner, person = world["owner"]
    asset = make_asset(firm=owner, by=person, access_level=AccessLevel.FIRMS, access_firms=[world["named"]])
    Asset.objects.filter(pk=asset.pk).update(status=AssetStatus.TAKEN_DOWN)
    assert told("asset.taken_down", asset) == {owner.pk, world["named"].pk}
    asset.refresh_from_db()
    assert asset.status == AssetStatus.TAKEN_DOWN
