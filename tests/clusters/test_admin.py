"""The Django admin of clusters: the approval queues decide through the services."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from clusters.models import ClusterMembership, ClusterStatus, MembershipEvent, MembershipStatus
from tests.factories import ClusterFactory, MembershipFactory, firm_with_owner

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "clusters_cluster",
        "clusters_clustermembership",
        "clusters_membershipevent",
        "identity_user",
        "identity_firm",
        "identity_firminvitation",
        "identity_sector",
        "identity_capability",
        "notifications_notification",
    ],
)
def test_admin_lists_render(client: Any, admin_user: Any, name: str) -> None:
    client.force_login(admin_user)
    assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200


def test_admin_firm_page_shows_members_inline(client: Any, admin_user: Any) -> None:
    firm, owner = firm_with_owner()
    client.force_login(admin_user)
    response = client.get(reverse("admin:identity_firm_change", args=[firm.pk]))
    assert response.status_code == 200
    assert str(owner) in response.text


def test_admin_approves_a_proposed_cluster(client: Any, admin_user: Any) -> None:
    firm, owner = firm_with_owner()
    cluster = ClusterFactory.create(status=ClusterStatus.PROPOSED, proposed_by=firm, proposer=owner)
    client.force_login(admin_user)
    client.post(
        reverse("admin:clusters_cluster_changelist"),
        {"action": "approve_clusters", ACTION_CHECKBOX_NAME: [cluster.pk]},
    )
    cluster.refresh_from_db()
    assert cluster.status == ClusterStatus.APPROVED
    assert cluster.moderators.filter(pk=owner.pk).exists()


def test_admin_rejects_a_cluster_after_giving_a_reason(client: Any, admin_user: Any) -> None:
    cluster = ClusterFactory.create(status=ClusterStatus.PROPOSED)
    client.force_login(admin_user)
    url = reverse("admin:clusters_cluster_changelist")
    ask = client.post(url, {"action": "reject_clusters", ACTION_CHECKBOX_NAME: [cluster.pk]})
    assert ask.status_code == 200
    assert 'name="reason"' in ask.text
    client.post(
        url, {"action": "reject_clusters", ACTION_CHECKBOX_NAME: [cluster.pk], "confirm": "1", "reason": "Duplicate"}
    )
    cluster.refresh_from_db()
    assert cluster.status == ClusterStatus.REJECTED
    assert cluster.decision_reason == "Duplicate"


def test_admin_approves_an_application(client: Any, admin_user: Any) -> None:
    membership = MembershipFactory.create(status=MembershipStatus.APPLIED, joined_at=None)
    client.force_login(admin_user)
    response = client.get(reverse("admin:clusters_clustermembership_changelist"), {"queue": "applications"})
    assert membership.firm.name in response.text
    client.post(
        reverse("admin:clusters_clustermembership_changelist"),
        {"action": "approve_applications", ACTION_CHECKBOX_NAME: [membership.pk]},
    )
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    assert MembershipEvent.objects.filter(membership=membership, action="approve", actor=admin_user).exists()


def test_admin_rejects_an_application_with_a_reason(client: Any, admin_user: Any) -> None:
    membership = MembershipFactory.create(status=MembershipStatus.APPLIED, joined_at=None)
    client.force_login(admin_user)
    client.post(
        reverse("admin:clusters_clustermembership_changelist"),
        {"action": "reject_applications", ACTION_CHECKBOX_NAME: [membership.pk], "confirm": "1", "reason": "No"},
    )
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REJECTED


def test_admin_approving_an_active_member_reports_an_error(client: Any, admin_user: Any) -> None:
    membership = MembershipFactory.create(status=MembershipStatus.ACTIVE)
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:clusters_clustermembership_changelist"),
        {"action": "approve_applications", ACTION_CHECKBOX_NAME: [membership.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert ClusterMembership.objects.get(pk=membership.pk).status == MembershipStatus.ACTIVE
