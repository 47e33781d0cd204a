"""What each person may read about clusters and memberships, and the directory's filters."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from clusters import selectors
from clusters.models import ClusterStatus, JoinPolicy, MembershipStatus
from platform_.errors import NotAllowed
from platform_.identity.models import FirmRole, Sector
from tests.factories import (
    CapabilityFactory,
    ClusterFactory,
    MembershipFactory,
    UserFactory,
    active_member,
    firm_with_owner,
    person_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english() -> Iterator[None]:
    """Messages are matched in English; the default language is Chinese."""
    with translation.override("en"):
        yield


def test_moderators_and_platform_administrators_moderate() -> None:
    moderator, admin, other = UserFactory.create(), UserFactory.create(is_staff=True), UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    assert selectors.is_moderator(user=moderator, cluster=cluster)
    assert selectors.is_moderator(user=admin, cluster=cluster.pk)
    assert not selectors.is_moderator(user=other, cluster=cluster)
    assert not selectors.is_moderator(user=AnonymousUser(), cluster=cluster)
    assert selectors.moderated_cluster_ids(user=moderator) == {cluster.pk}


def test_active_cluster_ids_count_only_active_memberships() -> None:
    firm, _owner = firm_with_owner()
    active = MembershipFactory.create(firm=firm).cluster
    MembershipFactory.create(firm=firm, status=MembershipStatus.APPLIED)
    MembershipFactory.create(firm=firm, status=MembershipStatus.LEFT)
    assert selectors.active_cluster_ids(firm=firm) == {active.pk}
    assert selectors.is_active_member(firm=firm.pk, cluster=active)
    assert selectors.active_cluster_ids(firm=None) == set()


def test_proposed_clusters_are_seen_by_their_firm_and_administrators_only() -> None:
    firm, owner = firm_with_owner()
    colleague = person_in(firm)
    approved = ClusterFactory.create()
    proposed = ClusterFactory.create(status=ClusterStatus.PROPOSED, proposed_by=firm)
    rejected = ClusterFactory.create(status=ClusterStatus.REJECTED)
    _other, outsider = firm_with_owner()
    admin = UserFactory.create(is_staff=True)
    assert set(selectors.clusters_visible_to(user=AnonymousUser())) == {approved}
    assert set(selectors.clusters_visible_to(user=outsider)) == {approved}
    assert set(selectors.clusters_visible_to(user=owner)) == {approved, proposed}
    assert set(selectors.clusters_visible_to(user=colleague)) == {approved, proposed}
    assert set(selectors.clusters_visible_to(user=admin)) == {approved, proposed, rejected}
    assert set(selectors.clusters_proposed(user=owner)) == {proposed}
    assert set(selectors.clusters_proposed(user=admin)) == {proposed}
    assert set(selectors.clusters_proposed(user=outsider)) == set()


def test_the_directory_filters_and_orders_by_member_count() -> None:
    textiles = Sector.objects.get(code="17")
    other_sector = Sector.objects.exclude(code="17").first()
    assert other_sector is not None
    dyeing = CapabilityFactory.create(code="test.dyeing")
    big = ClusterFactory.create(name_en="Shaoxing Textile Belt", home_province="33", join_policy=JoinPolicy.OPEN)
    big.sectors.set([textiles])
    small = ClusterFactory.create(name_en="Harbin Heavy Machinery", home_province="23")
    small.sectors.set([other_sector])
    ClusterFactory.create(status=ClusterStatus.PROPOSED, name_en="Textile Proposal")
    for _ in range(2):
        active_member(big)
    active_member(small, province="44", capabilities=[dyeing])
    MembershipFactory.create(cluster=small, status=MembershipStatus.APPLIED)  # not counted

    listed: list[Any] = list(selectors.clusters_directory())  # clusters annotated with member_count
    assert listed == [big, small]
    assert [cluster.member_count for cluster in listed] == [2, 1]
    assert list(selectors.clusters_directory(query="shaoxing")) == [big]
    assert list(selectors.clusters_directory(sector="17")) == [big]
    assert list(selectors.clusters_directory(province="23")) == [small]
    assert list(selectors.clusters_directory(province="44")) == [small]  # a member firm is there
    assert list(selectors.clusters_directory(capability="test.dyeing")) == [small]
    assert list(selectors.clusters_directory(policy=JoinPolicy.OPEN)) == [big]


def test_cluster_members_and_their_provinces() -> None:
    cluster = ClusterFactory.create()
    first, _ = active_member(cluster, province="33")
    second, _ = active_member(cluster, province="44")
    active_member(cluster, province="33")
    MembershipFactory.create(cluster=cluster, status=MembershipStatus.INVITED)
    assert [m.firm for m in selectors.cluster_members(cluster=cluster)][:2] == [first, second]
    assert selectors.member_provinces(cluster=cluster) == [
        {"province": "33", "count": 2},
        {"province": "44", "count": 1},
    ]


def test_pending_applications_for_a_moderator_and_for_an_administrator() -> None:
    moderator = UserFactory.create()
    mine = MembershipFactory.create(
        cluster=ClusterFactory.create(moderators=[moderator]), status=MembershipStatus.APPLIED
    )
    theirs = MembershipFactory.create(status=MembershipStatus.APPLIED)
    MembershipFactory.create(cluster=mine.cluster, status=MembershipStatus.ACTIVE)
    assert list(selectors.pending_for_moderator(user=moderator)) == [mine]
    assert set(selectors.pending_for_moderator(user=UserFactory.create(is_staff=True))) == {mine, theirs}


def test_who_sees_which_membership() -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    firm, owner = firm_with_owner()
    member = person_in(firm, FirmRole.MEMBER)
    _other_firm, outsider = firm_with_owner()
    active = MembershipFactory.create(cluster=cluster)
    applied = MembershipFactory.create(cluster=cluster, firm=firm, status=MembershipStatus.APPLIED)
    elsewhere = MembershipFactory.create(status=MembershipStatus.INVITED)
    in_proposed = MembershipFactory.create(cluster=ClusterFactory.create(status=ClusterStatus.PROPOSED))

    def seen(user, firm=None):
        visible = set(selectors.memberships_visible_to(user=user, firm=firm))
        # The list's variant, with the caller's firms and moderated clusters as subqueries, reads the same rows.
        assert set(selectors.memberships_readable(user=user, firm=firm)) == visible
        return visible

    assert seen(AnonymousUser()) == {active}
    assert seen(outsider, _other_firm) == {active}
    assert seen(owner, firm) == {active, applied}
    assert seen(member, firm) == {active, applied}
    assert seen(moderator) == {active, applied}
    assert seen(UserFactory.create(is_staff=True)) == {active, applied, elsewhere, in_proposed}


def test_a_memberships_history_is_for_insiders_only() -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    firm, owner = firm_with_owner()
    membership = MembershipFactory.create(cluster=cluster, firm=firm)
    membership.events.create(action="apply", to_status="applied", actor=owner)
    for person in (owner, person_in(firm), moderator, UserFactory.create(is_staff=True)):
        assert [event.action for event in selectors.membership_history(user=person, membership=membership)] == ["apply"]
    _other, outsider = firm_with_owner()
    for stranger in (outsider, AnonymousUser()):
        with pytest.raises(NotAllowed):
            selectors.membership_history(user=stranger, membership=membership)


def test_insight_tells_whose_messages_one_reads() -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    firm, owner = firm_with_owner()
    own = MembershipFactory.create(firm=firm)
    moderated = MembershipFactory.create(cluster=cluster)
    other = MembershipFactory.create()
    assert [selectors.membership_insight(user=owner).sees_all_of(m) for m in (own, moderated, other)] == [
        True,
        False,
        False,
    ]
    assert [selectors.membership_insight(user=moderator).sees_all_of(m) for m in (own, moderated, other)] == [
        False,
        True,
        False,
    ]
    assert selectors.membership_insight(user=UserFactory.create(is_staff=True)).sees_all_of(other)
    assert not selectors.membership_insight(user=AnonymousUser()).sees_all_of(own)


def test_readable_memberships_say_whose_messages_one_reads_as_the_insight_does() -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    firm, owner = firm_with_owner()
    member = person_in(firm, FirmRole.MEMBER)
    own = MembershipFactory.create(firm=firm, cluster=cluster)
    moderated = MembershipFactory.create(cluster=cluster)
    applied = MembershipFactory.create(firm=firm, status=MembershipStatus.APPLIED)
    other = MembershipFactory.create()
    _other_firm, outsider = firm_with_owner()
    admin = UserFactory.create(is_staff=True)

    def reads(user, acting):
        rows: Any = selectors.memberships_readable(user=user, firm=acting)  # the stubs know no annotations
        return dict(rows.values_list("pk", "reads_message"))

    for user, acting in ((owner, firm), (member, firm), (moderator, None), (outsider, _other_firm), (admin, None)):
        insight = selectors.membership_insight(user=user)
        rows = selectors.memberships_readable(user=user, firm=acting)
        assert reads(user, acting) == {m.pk: insight.sees_all_of(m) for m in rows}
    assert reads(moderator, None) == {own.pk: True, moderated.pk: True, other.pk: False}
    assert {pk for pk, yes in reads(owner, firm).items() if yes} == {own.pk, applied.pk}
    assert not any(reads(AnonymousUser(), None).values())
