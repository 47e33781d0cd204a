"""Ties need consent (issue 13, finding 3): one firm naming another as co-owner of its asset records
nothing that counts until the named firm's owner or administrator accepts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from knowledge import coownership
from knowledge.models import AssetOwnership, CoOwnershipRequest, CoOwnershipStatus
from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, NotAllowed
from platform_.identity.models import FirmRole
from platform_.notifications.models import Notification
from projects import selectors as projects
from tests.factories import FirmMemberFactory, firm_with_owner, person_in
from tests.projects.factories import judging

pytestmark = pytest.mark.django_db


def _name_as_co_owner(client: Any, *, by: Any, firm: Any, named: Any) -> Any:
    """The attack: a person of ``firm`` creates an asset through the API naming ``named`` as co-owner."""
    client.force_login(by)
    return client.post(
        reverse("v1:asset-list"),
        {"title_en": "Shared jig", "owners": {str(firm.pk): "0.5", str(named.pk): "0.5"}},
        content_type="application/json",
    )


@pytest.fixture
def rivalry() -> dict[str, Any]:
    """A project in judging: a judge of a firm of its own, and a solver firm with an entry."""
    data = judging(1)
    entry = data["project"].entries.get()
    judge_firm, judge_firm_owner = firm_with_owner()
    FirmMemberFactory.create(firm=judge_firm, user=data["judge"], role=FirmRole.MEMBER)
    solver = person_in(entry.team.lead, FirmRole.OWNER)
    judge = projects.judge_of(user=data["judge"], project=data["project"])
    assert judge is not None
    return {
        "judge": judge,
        "team": entry.team,
        "solver_firm": entry.team.lead,
        "solver": solver,
        "judge_firm": judge_firm,
        "judge_firm_owner": judge_firm_owner,
    }


def test_naming_a_co_owner_through_the_api_gives_a_pending_request_and_no_tie(client, rivalry) -> None:
    response = _name_as_co_owner(client, by=rivalry["solver"], firm=rivalry["solver_firm"], named=rivalry["judge_firm"])
    assert response.status_code == 201, response.content
    body = response.json()
    assert [row["firm"]["id"] for row in body["owners"]] == [rivalry["solver_firm"].pk]
    assert [row["firm"]["id"] for row in body["pending_owners"]] == [rivalry["judge_firm"].pk]
    assert not AssetOwnership.objects.filter(firm=rivalry["judge_firm"]).exists()
    assert AssetOwnership.objects.get(asset_id=body["id"]).share == Decimal(1)
    request = CoOwnershipRequest.objects.get(asset_id=body["id"])
    assert (request.firm, request.status, request.share) == (
        rivalry["judge_firm"],
        CoOwnershipStatus.PENDING,
        Decimal("0.5"),
    )


def test_a_rival_judge_has_no_conflict_until_the_named_firm_accepts(client, rivalry) -> None:
    _name_as_co_owner(client, by=rivalry["solver"], firm=rivalry["solver_firm"], named=rivalry["judge_firm"])
    assert projects.conflicts_of(judge=rivalry["judge"], team=rivalry["team"]) == []

    request = CoOwnershipRequest.objects.get(firm=rivalry["judge_firm"])
    client.force_login(rivalry["judge_firm_owner"])
    accepted = client.post(reverse("v1:coownership-accept", args=[request.pk]))

    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["status"] == CoOwnershipStatus.ACCEPTED
    assert projects.conflicts_of(judge=rivalry["judge"], team=rivalry["team"]) == ["ownership"]
    shares = dict(AssetOwnership.objects.filter(asset=request.asset).values_list("firm_id", "share"))
    assert shares == {rivalry["solver_firm"].pk: Decimal("0.5"), rivalry["judge_firm"].pk: Decimal("0.5")}


def test_a_declined_request_records_no_tie(client, rivalry) -> None:
    _name_as_co_owner(client, by=rivalry["solver"], firm=rivalry["solver_firm"], named=rivalry["judge_firm"])
    request = CoOwnershipRequest.objects.get(firm=rivalry["judge_firm"])
    client.force_login(rivalry["judge_firm_owner"])

    page = client.post(reverse("knowledge:coownership-decide", args=[request.pk]), {"action": "decline"})

    assert page.status_code == 302
    request.refresh_from_db()
    assert request.status == CoOwnershipStatus.DECLINED
    assert list(AssetOwnership.objects.filter(asset=request.asset).values_list("firm_id", "share")) == [
        (rivalry["solver_firm"].pk, Decimal(1))
    ]
    assert projects.conflicts_of(judge=rivalry["judge"], team=rivalry["team"]) == []
    with pytest.raises(Conflict):
        coownership.coownership_request_accept(request=request, by=rivalry["judge_firm_owner"])


def test_only_an_owner_or_administrator_of_the_named_firm_decides(client) -> None:
    firm, owner = firm_with_owner()
    named, _named_owner = firm_with_owner()
    _name_as_co_owner(client, by=owner, firm=firm, named=named)
    request = CoOwnershipRequest.objects.get(firm=named)

    client.force_login(person_in(named, FirmRole.MEMBER))
    assert client.post(reverse("v1:coownership-accept", args=[request.pk])).status_code == 403
    client.force_login(owner)  # the requesting firm cannot accept on the named firm's behalf
    assert client.post(reverse("v1:coownership-accept", args=[request.pk])).status_code == 403
    client.force_login(firm_with_owner()[1])  # a firm with nothing to do with it does not even see it
    assert client.post(reverse("v1:coownership-accept", args=[request.pk])).status_code == 404
    with pytest.raises(NotAllowed):
        coownership.coownership_request_accept(request=request, by=person_in(named, FirmRole.MEMBER))

    admin = person_in(named, FirmRole.ADMIN)
    coownership.coownership_request_accept(request=request, by=admin)
    assert AssetOwnership.objects.filter(asset=request.asset, firm=named).exists()


def test_the_named_firms_owners_and_administrators_are_notified(client) -> None:
    firm, owner = firm_with_owner()
    named, named_owner = firm_with_owner()
    admin = person_in(named, FirmRole.ADMIN)
    member = person_in(named, FirmRole.MEMBER)

    _name_as_co_owner(client, by=owner, firm=firm, named=named)

    told = set(Notification.objects.filter(kind="knowledge.coownership_request").values_list("recipient", flat=True))
    assert told == {named_owner.pk, admin.pk}
    assert member.pk not in told


def test_request_and_decision_are_in_the_audit_trail(client) -> None:
    firm, owner = firm_with_owner()
    named, named_owner = firm_with_owner()
    _name_as_co_owner(client, by=owner, firm=firm, named=named)
    request = CoOwnershipRequest.objects.get(firm=named)

    coownership.coownership_request_accept(request=request, by=named_owner)

    entries = AuditEntry.objects.filter(target_id=str(request.pk), target_type__icontains="coownership")
    assert {(e.action, e.actor_id) for e in entries} == {
        ("coownership.request", owner.pk),
        ("coownership.accepted", named_owner.pk),
    }
    told = Notification.objects.filter(kind="knowledge.coownership_accepted", recipient=owner)
    assert told.exists()


def test_the_page_form_asks_the_co_owner_instead_of_recording_it(client) -> None:
    _firm, owner = firm_with_owner()
    named, named_owner = firm_with_owner()
    client.force_login(owner)

    response = client.post(
        reverse("knowledge:create"),
        {
            "kind": "document",
            "title_en": "Loom manual",
            "licence": "cc_by",
            "access_level": "private",
            "co_owners": named.credit_code,
        },
    )

    assert response.status_code == 302, response.content
    assert not AssetOwnership.objects.filter(firm=named).exists()
    request = CoOwnershipRequest.objects.get(firm=named, status=CoOwnershipStatus.PENDING)
    client.force_login(named_owner)
    page = client.get(reverse("knowledge:requests"))
    assert "Loom manual" in page.content.decode()
    assert f"/knowledge/requests/co-ownership/{request.pk}/" in page.content.decode()


def test_equal_co_owners_end_equal_whatever_order_they_accept_in(client) -> None:
    firm, owner = firm_with_owner()
    others = [firm_with_owner() for _ in range(2)]
    client.force_login(owner)
    response = client.post(
        reverse("v1:asset-list"),
        {"title_en": "Three ways", "owners": {str(f.pk): "0.333333" for f in [firm, *[o[0] for o in others]]}},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    for named, named_owner in reversed(others):
        request = CoOwnershipRequest.objects.get(firm=named)
        coownership.coownership_request_accept(request=request, by=named_owner)

    shares = list(AssetOwnership.objects.filter(asset_id=response.json()["id"]).values_list("share", flat=True))
    assert sum(shares) == Decimal(1)
    assert sorted(shares) == [Decimal("0.333333"), Decimal("0.333333"), Decimal("0.333334")]


def test_a_withdrawn_request_can_no_longer_be_accepted(client) -> None:
    firm, owner = firm_with_owner()
    named, named_owner = firm_with_owner()
    _name_as_co_owner(client, by=owner, firm=firm, named=named)
    request = CoOwnershipRequest.objects.get(firm=named)

    withdrawn = client.post(reverse("v1:coownership-withdraw", args=[request.pk]))
    assert withdrawn.status_code == 200, withdrawn.content

    client.force_login(named_owner)
    assert client.post(reverse("v1:coownership-accept", args=[request.pk])).status_code == 409
    assert not AssetOwnership.objects.filter(firm=named).exists()


def test_the_named_firm_lists_its_incoming_requests_through_the_api(client) -> None:
    firm, owner = firm_with_owner()
    named, named_owner = firm_with_owner()
    _name_as_co_owner(client, by=owner, firm=firm, named=named)

    client.force_login(named_owner)
    listed = client.get(reverse("v1:coownership-requests")).json()

    assert [row["from_firm"]["id"] for row in listed["incoming"]] == [firm.pk]
    assert listed["outgoing"] == []


def test_a_rival_judge_is_not_made_a_co_moderator_without_accepting(client, rivalry) -> None:
    """The same attack through clusters: a solver who moderates a cluster names the judge a co-moderator."""
    from clusters import services as clusters
    from clusters.models import ModeratorInvitation, ModeratorInvitationStatus
    from tests.factories import ClusterFactory

    cluster = ClusterFactory.create(moderators=[rivalry["solver"]])
    judge_user = rivalry["judge"].user

    invitation = clusters.moderator_set(cluster=cluster, user=judge_user, by=rivalry["solver"])

    assert invitation is not None
    assert not cluster.moderators.filter(pk=judge_user.pk).exists()
    assert projects.conflicts_of(judge=rivalry["judge"], team=rivalry["team"]) == []
    assert Notification.objects.filter(kind="cluster.moderator_invited", recipient=judge_user).exists()
    with pytest.raises(NotAllowed):  # nobody answers for the invited person
        clusters.moderator_invitation_decide(invitation=invitation, by=rivalry["solver"], accept=True)

    client.force_login(judge_user)
    page = client.get(cluster.get_absolute_url())
    assert 'data-testid="moderator-invitation"' in page.content.decode()
    client.post(reverse("clusters:moderator-invitation", args=[cluster.slug]), {"accept": "1"})

    invitation.refresh_from_db()
    assert invitation.status == ModeratorInvitationStatus.ACCEPTED
    assert cluster.moderators.filter(pk=judge_user.pk).exists()
    assert projects.conflicts_of(judge=rivalry["judge"], team=rivalry["team"]) == ["moderation"]
    assert not ModeratorInvitation.objects.filter(status=ModeratorInvitationStatus.PENDING).exists()


def test_a_declined_moderator_invitation_adds_nobody(client) -> None:
    from clusters import services as clusters
    from clusters.models import ModeratorInvitationStatus
    from tests.factories import ClusterFactory, UserFactory

    moderator, invited = UserFactory.create(), UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    invitation = clusters.moderator_set(cluster=cluster, user=invited, by=moderator)
    assert invitation is not None

    client.force_login(invited)
    client.post(reverse("clusters:moderator-invitation", args=[cluster.slug]), {"accept": "0"})

    invitation.refresh_from_db()
    assert invitation.status == ModeratorInvitationStatus.DECLINED
    assert list(cluster.moderators.all()) == [moderator]
    assert AuditEntry.objects.filter(action="cluster.moderator.decline", actor=invited).exists()
