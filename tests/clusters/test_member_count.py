"""The stored member count of a cluster follows every write to its memberships."""

from __future__ import annotations

import pytest

from clusters import services
from clusters.models import Cluster, ClusterMembership, ClusterStatus, MembershipStatus
from tests.factories import ClusterFactory, FirmFactory, MembershipFactory, UserFactory, active_member, firm_with_owner

pytestmark = pytest.mark.django_db


def count(cluster: Cluster) -> int:
    return Cluster.objects.values_list("member_count", flat=True).get(pk=cluster.pk)


def test_joining_leaving_and_deleting_count():
    cluster = ClusterFactory.create()
    firm, owner = active_member(cluster)
    MembershipFactory.create(cluster=cluster, status=MembershipStatus.APPLIED)
    assert count(cluster) == 1
    membership = ClusterMembership.objects.get(cluster=cluster, firm=firm)
    services.membership_transition(membership=membership, action="leave", by=owner)
    assert count(cluster) == 0
    active = MembershipFactory.create(cluster=cluster)
    assert count(cluster) == 1
    active.delete()
    assert count(cluster) == 0


def test_bulk_inserts_moves_and_cascades_count():
    first, second = ClusterFactory.create(), ClusterFactory.create()
    firms = [FirmFactory.create() for _ in range(3)]
    ClusterMembership.objects.bulk_create(
        [ClusterMembership(cluster=first, firm=firm, status=MembershipStatus.ACTIVE) for firm in firms]
    )
    assert count(first) == 3
    ClusterMembership.objects.filter(firm=firms[0]).update(cluster=second)
    assert (count(first), count(second)) == (2, 1)
    ClusterMembership.objects.filter(firm=firms[1]).update(status=MembershipStatus.REMOVED)
    assert count(first) == 1
    ClusterMembership.objects.filter(firm=firms[2]).delete()  # as a firm's deletion cascades
    assert (count(first), count(second)) == (0, 1)


def test_saving_a_cluster_never_overwrites_its_count():
    cluster = ClusterFactory.create()
    stale = Cluster.objects.get(pk=cluster.pk)
    active_member(cluster)
    stale.theme = "Looms"
    stale.save()
    assert count(cluster) == 1
    assert Cluster.objects.get(pk=cluster.pk).theme == "Looms"


def test_an_approved_cluster_shows_its_founding_member():
    firm, owner = firm_with_owner()
    admin = UserFactory.create(is_staff=True, is_superuser=True)
    cluster = ClusterFactory.create(status=ClusterStatus.PROPOSED, proposed_by=firm, proposer=owner)
    decided = services.cluster_decide(cluster=cluster, by=admin, approve=True)
    assert decided.member_count == 1 == count(cluster)


def test_the_directory_orders_by_the_stored_count():
    from clusters.selectors import clusters_directory

    small, big, empty = ClusterFactory.create(), ClusterFactory.create(), ClusterFactory.create()
    active_member(small)
    for _ in range(2):
        active_member(big)
    assert list(clusters_directory()) == [big, small, empty]
    assert [c.member_count for c in clusters_directory(query=small.name_en)] == [1]


def test_an_unknown_directory_filter_is_still_refused_and_a_known_one_filters():
    from django.test import Client

    client = Client()
    assert client.get("/api/v1/clusters/", {"sector": "no-such-sector"}).status_code == 400
    open_one, closed = ClusterFactory.create(join_policy="open"), ClusterFactory.create()
    slugs = {row["slug"] for row in client.get("/api/v1/clusters/", {"policy": "open"}).json()["results"]}
    assert open_one.slug in slugs
    assert closed.slug not in slugs
