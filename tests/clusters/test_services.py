"""The clusters services as a specification: proposals and decisions, and every membership transition,
who may make it, and what each writes (history, audit) and tells (notifications)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.utils import translation

from clusters import services
from clusters.models import (
    Cluster,
    ClusterMembership,
    ClusterStatus,
    JoinPolicy,
    MembershipEvent,
    MembershipStatus,
)
from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.identity.models import Firm, FirmRole, User
from platform_.notifications.models import Notification
from tests.factories import ClusterFactory, MembershipFactory, UserFactory, firm_with_owner, person_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english() -> Iterator[None]:
    """Messages are matched in English; the default language is Chinese."""
    with translation.override("en"):
        yield


@dataclass
class World:
    cluster: Cluster
    firm: Firm
    outsider_firm: Firm
    people: dict[str, User]

    def __getitem__(self, role: str) -> User:
        return self.people[role]


@pytest.fixture
def world() -> World:
    """A cluster by application with one moderator; a firm with an owner, an administrator and a member;
    an outsider firm with its owner; and a platform administrator."""
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(join_policy=JoinPolicy.APPLICATION, moderators=[moderator])
    firm, owner = firm_with_owner()
    outsider_firm, outsider_owner = firm_with_owner()
    return World(
        cluster=cluster,
        firm=firm,
        outsider_firm=outsider_firm,
        people={
            "firm_owner": owner,
            "firm_admin": person_in(firm, FirmRole.ADMIN),
            "firm_member": person_in(firm, FirmRole.MEMBER),
            "outsider_owner": outsider_owner,
            "moderator": moderator,
            "platform_admin": UserFactory.create(is_staff=True),
        },
    )


def told(kind: str) -> set[int]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))


# Applying


def test_applying_to_an_open_cluster_admits_the_firm_at_once(world: World) -> None:
    world.cluster.join_policy = JoinPolicy.OPEN
    world.cluster.save()
    membership = services.membership_apply(cluster=world.cluster, firm=world.firm, by=world["firm_owner"])
    assert membership.status == MembershipStatus.ACTIVE
    assert membership.joined_at is not None
    event = membership.events.get()
    assert (event.action, event.from_status, event.to_status) == ("join", "", MembershipStatus.ACTIVE)
    assert AuditEntry.objects.filter(action="membership.join", actor=world["firm_owner"]).exists()
    assert not Notification.objects.filter(kind="membership.applied").exists()


def test_applying_by_application_waits_and_tells_the_moderators_only(world: World) -> None:
    membership = services.membership_apply(
        cluster=world.cluster, firm=world.firm, by=world["firm_admin"], message="We weave carbon fibre."
    )
    assert membership.status == MembershipStatus.APPLIED
    assert membership.joined_at is None
    event = membership.events.get()
    assert (event.action, event.to_status, event.actor, event.reason) == (
        "apply",
        MembershipStatus.APPLIED,
        world["firm_admin"],
        "We weave carbon fibre.",
    )
    entry = AuditEntry.objects.get(action="membership.apply")
    assert (entry.actor, entry.firm_id, entry.cluster_id) == (world["firm_admin"], world.firm.pk, world.cluster.pk)
    assert told("membership.applied") == {world["moderator"].pk}


def test_a_cluster_by_invitation_refuses_applications(world: World) -> None:
    world.cluster.join_policy = JoinPolicy.INVITATION
    world.cluster.save()
    with pytest.raises(NotAllowed, match="invitation only"):
        services.membership_apply(cluster=world.cluster, firm=world.firm, by=world["firm_owner"])
    assert not ClusterMembership.objects.exists()


@pytest.mark.parametrize("role", ["firm_member", "outsider_owner", "moderator", "platform_admin"])
def test_only_the_firms_managers_may_apply_for_it(world: World, role: str) -> None:
    with pytest.raises(NotAllowed):
        services.membership_apply(cluster=world.cluster, firm=world.firm, by=world[role])
    assert not ClusterMembership.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="membership.").exists()


def test_a_second_application_is_a_conflict_with_a_clear_message(world: World) -> None:
    services.membership_apply(cluster=world.cluster, firm=world.firm, by=world["firm_owner"])
    with pytest.raises(Conflict, match="already applied"):
        services.membership_apply(cluster=world.cluster, firm=world.firm, by=world["firm_admin"])
    assert ClusterMembership.objects.count() == 1


def test_applying_when_already_a_member_is_a_conflict(world: World) -> None:
    MembershipFactory.create(cluster=world.cluster, firm=world.firm)
    with pytest.raises(Conflict, match="already a member"):
        services.membership_apply(cluster=world.cluster, firm=world.firm, by=world["firm_owner"])


def test_a_cluster_not_yet_approved_takes_no_applications(world: World) -> None:
    world.cluster.status = ClusterStatus.PROPOSED
    world.cluster.save()
    with pytest.raises(Conflict, match="not been approved"):
        services.membership_apply(cluster=world.cluster, firm=world.firm, by=world["firm_owner"])


def test_after_a_rejection_a_firm_may_apply_again_and_the_old_row_stays(world: World) -> None:
    first = MembershipFactory.create(cluster=world.cluster, firm=world.firm, status=MembershipStatus.REJECTED)
    second = services.membership_apply(cluster=world.cluster, firm=world.firm, by=world["firm_owner"])
    assert second.pk != first.pk
    first.refresh_from_db()
    assert first.status == MembershipStatus.REJECTED


# Inviting


@pytest.mark.parametrize("role", ["moderator", "platform_admin"])
def test_moderators_invite_a_firm_and_its_managers_are_told(world: World, role: str) -> None:
    membership = services.membership_invite(
        cluster=world.cluster, firm=world.firm, by=world[role], message="Join our textile-machinery network."
    )
    assert membership.status == MembershipStatus.INVITED
    assert membership.events.get().action == "invite"
    assert AuditEntry.objects.filter(action="membership.invite", actor=world[role]).exists()
    assert told("membership.invited") == {world["firm_owner"].pk, world["firm_admin"].pk}


@pytest.mark.parametrize("role", ["firm_owner", "firm_admin", "firm_member", "outsider_owner"])
def test_only_moderators_may_invite(world: World, role: str) -> None:
    with pytest.raises(NotAllowed):
        services.membership_invite(cluster=world.cluster, firm=world.outsider_firm, by=world[role])
    assert not ClusterMembership.objects.exists()


def test_inviting_a_firm_that_already_applied_is_a_conflict(world: World) -> None:
    MembershipFactory.create(cluster=world.cluster, firm=world.firm, status=MembershipStatus.APPLIED)
    with pytest.raises(Conflict, match="already applied"):
        services.membership_invite(cluster=world.cluster, firm=world.firm, by=world["moderator"])


# Transitions: (action, from, to, whose side)
FIRM_SIDE = [
    ("accept", MembershipStatus.INVITED, MembershipStatus.ACTIVE),
    ("decline", MembershipStatus.INVITED, MembershipStatus.DECLINED),
    ("withdraw", MembershipStatus.APPLIED, MembershipStatus.WITHDRAWN),
    ("leave", MembershipStatus.ACTIVE, MembershipStatus.LEFT),
]
MODERATOR_SIDE = [
    ("approve", MembershipStatus.APPLIED, MembershipStatus.ACTIVE),
    ("reject", MembershipStatus.APPLIED, MembershipStatus.REJECTED),
    ("remove", MembershipStatus.ACTIVE, MembershipStatus.REMOVED),
]
ROLES = ["firm_owner", "firm_admin", "firm_member", "outsider_owner", "moderator", "platform_admin"]
FIRM_MAKERS = {"firm_owner", "firm_admin"}
MODERATOR_MAKERS = {"moderator", "platform_admin"}

CASES = [(*transition, role, role in FIRM_MAKERS) for transition in FIRM_SIDE for role in ROLES] + [
    (*transition, role, role in MODERATOR_MAKERS) for transition in MODERATOR_SIDE for role in ROLES
]


@pytest.mark.parametrize(("action", "source", "target", "role", "allowed"), CASES)
def test_who_may_make_each_transition(world: World, action: str, source: str, target: str, role: str, allowed: bool):
    membership = MembershipFactory.create(cluster=world.cluster, firm=world.firm, status=source)
    actor = world[role]
    if not allowed:
        with pytest.raises(NotAllowed):
            services.membership_transition(membership=membership, action=action, by=actor)
        membership.refresh_from_db()
        assert membership.status == source
        assert not MembershipEvent.objects.exists()
        assert not AuditEntry.objects.filter(action=f"membership.{action}").exists()
        return
    result = services.membership_transition(membership=membership, action=action, by=actor, reason="why not")
    assert result.status == target
    membership.refresh_from_db()
    assert membership.status == target
    event = MembershipEvent.objects.get(membership=membership)
    assert (event.action, event.from_status, event.to_status, event.actor, event.reason) == (
        action,
        source,
        target,
        actor,
        "why not",
    )
    entry = AuditEntry.objects.get(action=f"membership.{action}")
    assert (entry.actor, entry.firm_id, entry.cluster_id, entry.reason) == (
        actor,
        world.firm.pk,
        world.cluster.pk,
        "why not",
    )


@pytest.mark.parametrize(("action", "source", "target"), MODERATOR_SIDE)
def test_a_moderators_decision_tells_the_firms_managers_only(world: World, action: str, source: str, target: str):
    membership = MembershipFactory.create(cluster=world.cluster, firm=world.firm, status=source)
    services.membership_transition(membership=membership, action=action, by=world["moderator"])
    assert told(f"membership.{action}") == {world["firm_owner"].pk, world["firm_admin"].pk}


@pytest.mark.parametrize(("action", "source", "target"), FIRM_SIDE)
def test_a_firms_move_tells_the_moderators_but_not_the_actor(world: World, action: str, source: str, target: str):
    world.cluster.moderators.add(world["firm_admin"])  # a moderator who is also the acting firm's admin
    membership = MembershipFactory.create(cluster=world.cluster, firm=world.firm, status=source)
    services.membership_transition(membership=membership, action=action, by=world["firm_admin"])
    assert told(f"membership.{action}") == {world["moderator"].pk}


@pytest.mark.parametrize(("action", "source", "target"), MODERATOR_SIDE)
def test_a_moderator_never_decides_on_their_own_firm(world: World, action: str, source: str, target: str):
    world.cluster.moderators.add(world["firm_member"])  # a moderator who works for the firm concerned
    membership = MembershipFactory.create(cluster=world.cluster, firm=world.firm, status=source)
    with pytest.raises(NotAllowed, match="your own firm's membership"):
        services.membership_transition(membership=membership, action=action, by=world["firm_member"])
    membership.refresh_from_db()
    assert membership.status == source
    assert not MembershipEvent.objects.exists()
    services.membership_transition(membership=membership, action=action, by=world["moderator"])  # another one may
    membership.refresh_from_db()
    assert membership.status == target


def test_approval_sets_the_joining_time(world: World) -> None:
    membership = MembershipFactory.create(
        cluster=world.cluster, firm=world.firm, status=MembershipStatus.APPLIED, joined_at=None
    )
    services.membership_transition(membership=membership, action="approve", by=world["moderator"])
    membership.refresh_from_db()
    assert membership.joined_at is not None


def test_approving_a_withdrawn_application_is_a_conflict(world: World) -> None:
    membership = MembershipFactory.create(cluster=world.cluster, firm=world.firm, status=MembershipStatus.WITHDRAWN)
    with pytest.raises(Conflict, match="Cannot approve a membership that is"):
        services.membership_transition(membership=membership, action="approve", by=world["moderator"])
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.WITHDRAWN


@pytest.mark.parametrize(
    ("action", "status"),
    [("accept", "applied"), ("leave", "invited"), ("remove", "left"), ("withdraw", "active"), ("decline", "active")],
)
def test_a_transition_from_the_wrong_status_is_refused(world: World, action: str, status: str) -> None:
    membership = MembershipFactory.create(cluster=world.cluster, firm=world.firm, status=status)
    actor = world["moderator"] if services.TRANSITIONS[action].by == services.MODERATOR else world["firm_owner"]
    with pytest.raises(Conflict):
        services.membership_transition(membership=membership, action=action, by=actor)


def test_an_unknown_action_is_a_bad_request_naming_the_known_ones(world: World) -> None:
    membership = MembershipFactory.create(cluster=world.cluster, firm=world.firm)
    with pytest.raises(DomainError, match="Unknown action: promote") as caught:
        services.membership_transition(membership=membership, action="promote", by=world["moderator"])
    assert caught.value.status_code == 400
    assert "approve" in str(caught.value)


# Proposing and deciding clusters


def test_a_firm_manager_proposes_a_cluster_and_administrators_are_told(world: World) -> None:
    cluster = services.cluster_propose(
        by=world["firm_owner"], firm=world.firm, theme="Carbon fibre", name_en="Carbon Fibre Network"
    )
    assert cluster.status == ClusterStatus.PROPOSED
    assert cluster.slug == "carbon-fibre-network"
    assert (cluster.proposed_by, cluster.proposer) == (world.firm, world["firm_owner"])
    assert AuditEntry.objects.filter(action="cluster.propose", cluster_id=cluster.pk).exists()
    assert told("cluster.proposed") == {world["platform_admin"].pk}


@pytest.mark.parametrize("role", ["firm_member", "outsider_owner", "moderator"])
def test_only_the_firms_managers_propose_for_it(world: World, role: str) -> None:
    with pytest.raises(NotAllowed):
        services.cluster_propose(by=world[role], firm=world.firm, theme="x", name_en="Something")


def test_a_taken_short_name_is_a_conflict(world: World) -> None:
    with pytest.raises(Conflict, match="short name"):
        services.cluster_propose(
            by=world["firm_owner"], firm=world.firm, theme="x", slug=world.cluster.slug, name_en="X"
        )


def test_a_cluster_without_a_name_is_refused(world: World) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.cluster_propose(by=world["firm_owner"], firm=world.firm, theme="x", slug="nameless")


def test_approval_makes_the_proposer_moderator_and_the_firm_the_first_member(world: World) -> None:
    cluster = services.cluster_propose(by=world["firm_owner"], firm=world.firm, theme="x", name_en="New One")
    services.cluster_decide(cluster=cluster, by=world["platform_admin"], approve=True)
    cluster.refresh_from_db()
    assert cluster.status == ClusterStatus.APPROVED
    assert cluster.decided_by == world["platform_admin"]
    assert list(cluster.moderators.all()) == [world["firm_owner"]]
    membership = ClusterMembership.objects.get(cluster=cluster)
    assert (membership.firm, membership.status) == (world.firm, MembershipStatus.ACTIVE)
    assert membership.events.get().action == "found"
    assert AuditEntry.objects.filter(action="cluster.approve", cluster_id=cluster.pk).exists()
    assert told("cluster.decided") == {world["firm_owner"].pk, world["firm_admin"].pk}


def test_rejection_needs_a_reason_and_keeps_it(world: World) -> None:
    cluster = services.cluster_propose(by=world["firm_owner"], firm=world.firm, theme="x", name_en="Weak")
    with pytest.raises(Conflict, match="reason"):
        services.cluster_decide(cluster=cluster, by=world["platform_admin"], approve=False, reason="  ")
    services.cluster_decide(cluster=cluster, by=world["platform_admin"], approve=False, reason="Duplicate theme")
    cluster.refresh_from_db()
    assert (cluster.status, cluster.decision_reason) == (ClusterStatus.REJECTED, "Duplicate theme")
    assert not cluster.memberships.exists()
    assert AuditEntry.objects.get(action="cluster.reject").reason == "Duplicate theme"


@pytest.mark.parametrize("role", ["firm_owner", "moderator", "outsider_owner"])
def test_only_platform_administrators_decide_clusters(world: World, role: str) -> None:
    cluster = services.cluster_propose(by=world["firm_owner"], firm=world.firm, theme="x", name_en="Pending")
    with pytest.raises(NotAllowed):
        services.cluster_decide(cluster=cluster, by=world[role], approve=True)
    cluster.refresh_from_db()
    assert cluster.status == ClusterStatus.PROPOSED


def test_a_cluster_is_decided_once(world: World) -> None:
    with pytest.raises(Conflict, match="already been decided"):
        services.cluster_decide(cluster=world.cluster, by=world["platform_admin"], approve=True)


# Moderators


def test_a_cluster_keeps_its_last_moderator(world: World) -> None:
    with pytest.raises(Conflict, match="at least one moderator"):
        services.moderator_set(cluster=world.cluster, user=world["moderator"], by=world["moderator"], add=False)
    invitation = services.moderator_set(cluster=world.cluster, user=world["firm_owner"], by=world["moderator"])
    assert invitation is not None
    services.moderator_invitation_decide(invitation=invitation, by=world["firm_owner"], accept=True)
    services.moderator_set(cluster=world.cluster, user=world["moderator"], by=world["firm_owner"], add=False)
    assert list(world.cluster.moderators.all()) == [world["firm_owner"]]


def test_a_non_moderator_cannot_appoint_moderators(world: World) -> None:
    with pytest.raises(NotAllowed):
        services.moderator_set(cluster=world.cluster, user=world["firm_owner"], by=world["firm_owner"])


@pytest.mark.parametrize("slug", ["propose", "partners", "proposals"])
def test_a_cluster_cannot_take_a_reserved_short_name(slug: str) -> None:
    from clusters.services import cluster_propose
    from platform_.errors import Conflict
    from tests.factories import firm_with_owner

    firm, owner = firm_with_owner()
    with pytest.raises(Conflict):
        cluster_propose(by=owner, firm=firm, theme="Textiles", name_en="Anything", slug=slug)
