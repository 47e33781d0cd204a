"""Services of the knowledge domain: creation, submission under each review policy, moderation with its
audit trail, the record of use, links, and owners' decisions on requests."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from clusters.models import ReviewPolicy
from knowledge import owner_requests, selectors, services
from knowledge.models import (
    AccessLevel,
    AssetLink,
    AssetOwnership,
    AssetStatus,
    ModerationDecision,
    UseEvent,
)
from platform_.audit.models import AppendOnlyError, AuditEntry
from platform_.errors import Conflict, DomainError, NotAllowed
from tests.factories import ClusterFactory, FirmMemberFactory, UserFactory, active_member, firm_with_owner
from tests.knowledge.factories import make_asset

pytestmark = pytest.mark.django_db


def _shared_with(policy: str):
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=policy, moderators=[moderator])
    firm, owner = active_member(cluster)
    asset = make_asset(firm=firm, by=owner, publish=False, access_level=AccessLevel.CLUSTERS, access_clusters=[cluster])
    return cluster, moderator, firm, owner, asset


def test_co_owned_shares_sum_to_one() -> None:
    firm, owner = firm_with_owner()
    partners = [firm_with_owner()[0] for _ in range(2)]
    asset = make_asset(firm=firm, by=owner, owners=[firm, *partners])
    shares = list(AssetOwnership.objects.filter(asset=asset).values_list("share", flat=True))
    assert len(shares) == 3
    assert sum(shares) == Decimal(1)


def test_explicit_shares_must_add_up_to_one() -> None:
    firm, owner = firm_with_owner()
    partner, _ = firm_with_owner()
    with pytest.raises(DomainError):
        make_asset(firm=firm, by=owner, owners={firm: "0.5", partner: "0.2"})


def test_proprietary_licence_needs_terms() -> None:
    firm, owner = firm_with_owner()
    with pytest.raises(DomainError):
        make_asset(firm=firm, by=owner, licence="proprietary", licence_terms="")


def test_sharing_with_a_cluster_the_firm_is_not_in_is_refused() -> None:
    firm, owner = firm_with_owner()
    with pytest.raises(NotAllowed):
        make_asset(firm=firm, by=owner, access_level=AccessLevel.CLUSTERS, access_clusters=[ClusterFactory.create()])


def test_review_before_policy_queues_the_asset(events) -> None:
    _cluster, moderator, _firm, owner, asset = _shared_with(ReviewPolicy.BEFORE)
    asset = services.asset_submit(asset=asset, by=owner)
    assert asset.status == AssetStatus.PENDING
    assert asset.published_at is None
    assert asset in selectors.moderation_queue(user=moderator)
    assert not [e for e in events if e[0] == "asset.published"]


def test_review_after_policy_publishes_at_once_and_stays_in_the_queue(
    events, django_capture_on_commit_callbacks
) -> None:
    _cluster, moderator, _firm, owner, asset = _shared_with(ReviewPolicy.AFTER)
    with django_capture_on_commit_callbacks(execute=True):
        asset = services.asset_submit(asset=asset, by=owner)
    assert asset.status == AssetStatus.PUBLISHED
    assert asset.published_at is not None
    assert asset in selectors.moderation_queue(user=moderator)
    assert ("asset.published", {"asset_id": asset.pk}) in events


def test_approve_publishes_and_is_audited() -> None:
    _cluster, moderator, _firm, owner, asset = _shared_with(ReviewPolicy.BEFORE)
    services.asset_submit(asset=asset, by=owner)
    services.asset_moderate(asset=asset, by=moderator, decision="approve", reason="Looks good")
    asset.refresh_from_db()
    assert asset.status == AssetStatus.PUBLISHED
    entry = AuditEntry.objects.get(action="asset.approve", target_id=str(asset.pk))
    assert (entry.actor, entry.reason, entry.data["from"], entry.data["to"]) == (
        moderator,
        "Looks good",
        "pending",
        "published",
    )
    assert asset not in selectors.moderation_queue(user=moderator)


@pytest.mark.parametrize(
    ("decision", "status"),
    [
        ("reject", AssetStatus.REJECTED),
        ("request_changes", AssetStatus.CHANGES_REQUESTED),
        ("take_down", AssetStatus.TAKEN_DOWN),
    ],
)
def test_each_decision_moves_the_asset_and_leaves_a_record(decision: str, status: str) -> None:
    _cluster, moderator, _firm, owner, asset = _shared_with(ReviewPolicy.BEFORE)
    services.asset_submit(asset=asset, by=owner)
    row = services.asset_moderate(asset=asset, by=moderator, decision=decision, reason="Because")
    asset.refresh_from_db()
    assert asset.status == status
    assert (row.from_status, row.to_status, row.decided_by) == ("pending", status, moderator)
    assert AuditEntry.objects.filter(action=f"asset.{decision}", target_id=str(asset.pk)).count() == 1


def test_owner_is_notified_of_a_decision() -> None:
    _cluster, moderator, _firm, owner, asset = _shared_with(ReviewPolicy.BEFORE)
    services.asset_submit(asset=asset, by=owner)
    services.asset_moderate(asset=asset, by=moderator, decision="reject", reason="Off topic")
    assert owner.notifications.filter(kind="knowledge.reject", body="Off topic").exists()


def test_decision_needs_a_reason() -> None:
    _cluster, moderator, _firm, owner, asset = _shared_with(ReviewPolicy.BEFORE)
    services.asset_submit(asset=asset, by=owner)
    with pytest.raises(DomainError):
        services.asset_moderate(asset=asset, by=moderator, decision="approve", reason="  ")


def test_impossible_transition_is_a_conflict() -> None:
    _cluster, moderator, _firm, owner, asset = _shared_with(ReviewPolicy.BEFORE)
    services.asset_submit(asset=asset, by=owner)
    services.asset_moderate(asset=asset, by=moderator, decision="reject", reason="No")
    with pytest.raises(Conflict):
        services.asset_moderate(asset=asset, by=moderator, decision="approve", reason="Changed my mind")


def test_a_moderator_of_another_cluster_may_not_decide() -> None:
    _cluster, _moderator, _firm, owner, asset = _shared_with(ReviewPolicy.BEFORE)
    services.asset_submit(asset=asset, by=owner)
    stranger = UserFactory.create()
    ClusterFactory.create(moderators=[stranger])
    with pytest.raises(NotAllowed):
        services.asset_moderate(asset=asset, by=stranger, decision="approve", reason="ok")


def test_administrator_may_decide_anywhere() -> None:
    _cluster, _moderator, _firm, owner, asset = _shared_with(ReviewPolicy.BEFORE)
    services.asset_submit(asset=asset, by=owner)
    admin = UserFactory.create(is_staff=True)
    services.asset_moderate(asset=asset, by=admin, decision="approve", reason="ok")
    asset.refresh_from_db()
    assert asset.status == AssetStatus.PUBLISHED


def test_audit_entries_and_decisions_cannot_be_changed() -> None:
    _cluster, moderator, _firm, owner, asset = _shared_with(ReviewPolicy.BEFORE)
    services.asset_submit(asset=asset, by=owner)
    row = services.asset_moderate(asset=asset, by=moderator, decision="approve", reason="ok")
    entry = AuditEntry.objects.get(action="asset.approve")
    entry.reason = "edited"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    row.reason = "edited"
    with pytest.raises(ValueError, match="cannot be changed"):
        row.save()
    assert ModerationDecision.objects.get(pk=row.pk).reason == "ok"


def test_take_down_publishes_an_event(events, django_capture_on_commit_callbacks) -> None:
    asset = make_asset()
    admin = UserFactory.create(is_staff=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.asset_moderate(asset=asset, by=admin, decision="take_down", reason="Infringes a patent")
    assert ("asset.taken_down", {"asset_id": asset.pk}) in events


def test_repeated_uses_collapse_to_one_per_day(events, django_capture_on_commit_callbacks) -> None:
    asset = make_asset()
    firm, user = firm_with_owner()
    with django_capture_on_commit_callbacks(execute=True):
        first = services.use_record(firm=firm, user=user, asset=asset, kind="view")
        again = services.use_record(firm=firm, user=user, asset=asset, kind="view")
    assert first is not None
    assert again is None
    assert UseEvent.objects.filter(asset=asset).count() == 1
    assert [e for e in events if e[0] == "use.recorded"] == [
        ("use.recorded", {"event_id": first.pk, "asset_id": asset.pk, "firm_id": firm.pk, "kind": "view"})
    ]


def test_uses_on_another_day_or_of_another_kind_count_again() -> None:
    asset = make_asset()
    firm, user = firm_with_owner()
    services.use_record(firm=firm, user=user, asset=asset, kind="view")
    assert services.use_record(firm=firm, user=user, asset=asset, kind="download") is not None
    assert (
        services.use_record(firm=firm, user=user, asset=asset, kind="view", at=timezone.now() + timedelta(days=1))
        is not None
    )
    assert UseEvent.objects.filter(asset=asset).count() == 3


def test_no_use_is_recorded_for_what_the_firm_may_not_access() -> None:
    private = make_asset(access_level=AccessLevel.PRIVATE)
    cluster = ClusterFactory.create()
    owner_firm, owner = active_member(cluster)
    restricted = make_asset(firm=owner_firm, by=owner, access_level=AccessLevel.CLUSTERS, access_clusters=[cluster])
    outsider, user = firm_with_owner()
    for asset in (private, restricted):
        assert services.use_record(firm=outsider, user=user, asset=asset, kind="view") is None
    assert not UseEvent.objects.exists()


def test_no_use_is_recorded_for_a_taken_down_asset() -> None:
    asset = make_asset()
    services.asset_moderate(asset=asset, by=UserFactory.create(is_staff=True), decision="take_down", reason="x")
    firm, user = firm_with_owner()
    assert services.use_record(firm=firm, user=user, asset=asset, kind="download") is None


def test_citation_links_and_records_a_use() -> None:
    cited = make_asset()
    firm, user = firm_with_owner()
    citing = make_asset(firm=firm, by=user, title_en="Follow-up")
    link = services.asset_cite(citing=citing, cited=cited, by=user, firm=firm)
    assert (link.citing, link.cited, link.kind) == (citing, cited, "citation")
    assert UseEvent.objects.filter(firm=firm, asset=cited, kind="citation").exists()


def test_derivation_links_and_records_a_use() -> None:
    source = make_asset()
    firm, user = firm_with_owner()
    derived = make_asset(firm=firm, by=user, title_en="Derived")
    services.asset_derive(derived=derived, source=source, by=user, firm=firm)
    assert AssetLink.objects.filter(citing=derived, cited=source, kind="derivation").exists()
    assert UseEvent.objects.filter(firm=firm, asset=source, kind="derivation").exists()


def test_cannot_cite_what_one_cannot_see() -> None:
    hidden = make_asset(access_level=AccessLevel.PRIVATE)
    firm, user = firm_with_owner()
    citing = make_asset(firm=firm, by=user)
    with pytest.raises(DomainError):
        services.asset_cite(citing=citing, cited=hidden, by=user, firm=firm)


def test_licence_granted_by_owner_is_a_licence_use() -> None:
    asset = make_asset(licence="proprietary", licence_terms="Per unit fee")
    firm, user = firm_with_owner()
    request = owner_requests.licence_request_create(asset=asset, by=user, firm=firm, message="Please")
    owner = asset.created_by
    owner_requests.licence_request_decide(request=request, by=owner, grant=True, reason="Agreed")
    request.refresh_from_db()
    assert request.status == "granted"
    assert UseEvent.objects.filter(firm=firm, asset=asset, kind="licence").exists()


def test_licence_refused_records_no_use() -> None:
    asset = make_asset()
    firm, user = firm_with_owner()
    request = owner_requests.licence_request_create(asset=asset, by=user, firm=firm)
    owner_requests.licence_request_decide(request=request, by=asset.created_by, grant=False, reason="No")
    assert not UseEvent.objects.filter(kind="licence").exists()


def test_only_a_manager_of_an_owner_decides() -> None:
    asset = make_asset()
    firm, user = firm_with_owner()
    request = owner_requests.licence_request_create(asset=asset, by=user, firm=firm)
    plain_member = FirmMemberFactory.create(firm=asset.ownerships.get().firm, role="member").user
    for person in (user, plain_member):
        with pytest.raises(NotAllowed):
            owner_requests.licence_request_decide(request=request, by=person, grant=True)


def test_access_granted_makes_the_restricted_asset_visible() -> None:
    cluster = ClusterFactory.create()
    owner_firm, owner = active_member(cluster)
    asset = make_asset(firm=owner_firm, by=owner, access_level=AccessLevel.CLUSTERS, access_clusters=[cluster])
    firm, user = firm_with_owner()
    assert not selectors.assets_visible_to(user=user, firm=firm).filter(pk=asset.pk).exists()
    request = owner_requests.access_request_create(asset=asset, by=user, firm=firm, message="For a joint project")
    owner_requests.access_request_decide(request=request, by=owner, grant=True)
    assert selectors.assets_visible_to(user=user, firm=firm).filter(pk=asset.pk).exists()


def test_access_to_a_private_asset_cannot_be_requested() -> None:
    asset = make_asset(access_level=AccessLevel.PRIVATE)
    firm, user = firm_with_owner()
    with pytest.raises(DomainError):
        owner_requests.access_request_create(asset=asset, by=user, firm=firm)


def test_reports_reach_the_queue_and_are_resolved_by_a_decision() -> None:
    cluster, moderator, _firm, owner, asset = _shared_with(ReviewPolicy.BEFORE)
    services.asset_submit(asset=asset, by=owner)
    services.asset_moderate(asset=asset, by=moderator, decision="approve", reason="ok")
    member_firm, member = active_member(cluster)
    services.report_create(asset=asset, by=member, firm=member_firm, reason="Copied from a textbook")
    assert asset in selectors.moderation_queue(user=moderator)
    services.asset_moderate(asset=asset, by=moderator, decision="take_down", reason="Copied")
    assert asset not in selectors.moderation_queue(user=moderator)
    assert asset.reports.get().resolved_at is not None


def test_owner_statistics_count_other_firms_only() -> None:
    asset = make_asset()
    owner_firm = asset.ownerships.get().firm
    services.use_record(firm=owner_firm, user=asset.created_by, asset=asset, kind="view")
    for _ in range(2):
        firm, user = firm_with_owner()
        services.use_record(firm=firm, user=user, asset=asset, kind="download")
    stats = selectors.asset_use_statistics(asset=asset)
    assert stats["by_kind"] == {"download": 2}
    assert stats["firms"] == 2


def test_take_down_removes_the_asset_from_notifications() -> None:
    asset = make_asset()
    firm, user = firm_with_owner()
    owner_requests.licence_request_create(asset=asset, by=user, firm=firm, message="please")
    owner = asset.created_by
    assert owner is not None
    assert owner.notifications.filter(kind="knowledge.licence_request").exists()
    services.asset_moderate(asset=asset, by=UserFactory.create(is_staff=True), decision="take_down", reason="Stolen")
    assert not owner.notifications.filter(kind="knowledge.licence_request").exists()
    assert owner.notifications.filter(kind="knowledge.take_down").exists()


def test_category_weights_are_equal_shares() -> None:
    from knowledge.models import KnowledgeCategory

    cats = list(KnowledgeCategory.objects.filter(code__in=["machinery.textile", "energy.efficiency"]))
    asset = make_asset(categories=cats)
    rows = selectors.asset_category_weights(asset_ids=[asset.pk])
    assert sorted(rows) == [(asset.pk, "energy.efficiency", 0.5), (asset.pk, "machinery.textile", 0.5)]
