"""The cluster pages: directory, proposal, a cluster's page with its membership buttons, the moderators'
page and partner suggestions. Every refusal of a service shows as a message, never a server error."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clusters.models import Cluster, ClusterMembership, ClusterStatus, JoinPolicy, MembershipEvent, MembershipStatus
from platform_.identity.models import FirmRole
from tests.factories import (
    CapabilityFactory,
    ClusterFactory,
    FirmFactory,
    FirmMemberFactory,
    MembershipFactory,
    UserFactory,
    active_member,
    any_sector,
    firm_with_owner,
)

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _messages(response: Any) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _act(client: Any, cluster: Cluster, action: str, **data: Any) -> Any:
    return client.post(reverse("clusters:membership-action", args=[cluster.slug, action]), data, **EN)


def _moderate(client: Any, cluster: Cluster, membership: ClusterMembership, action: str, reason: str = "") -> Any:
    url = reverse("clusters:manage-action", args=[cluster.slug, membership.pk, action])
    return client.post(url, {"reason": reason}, **EN)


def _queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


# The directory


def test_directory_lists_approved_clusters_only(client: Any) -> None:
    approved = ClusterFactory.create()
    proposed = ClusterFactory.create(status=ClusterStatus.PROPOSED)
    response = client.get(reverse("clusters:index"))
    assert approved.name in response.text
    assert proposed.name not in response.text


def test_directory_searches_by_text(client: Any) -> None:
    wanted = ClusterFactory.create(theme="Small appliances of Cixi")
    other = ClusterFactory.create(theme="Heavy machinery")
    response = client.get(reverse("clusters:index"), {"q": "appliances"})
    assert wanted.name in response.text
    assert other.name not in response.text


def test_directory_filters_by_province_and_policy(client: Any) -> None:
    zhejiang = ClusterFactory.create(home_province="33", join_policy=JoinPolicy.OPEN)
    liaoning = ClusterFactory.create(home_province="21", join_policy=JoinPolicy.OPEN)
    invite_only = ClusterFactory.create(home_province="33", join_policy=JoinPolicy.INVITATION)
    response = client.get(reverse("clusters:index"), {"province": "33", "policy": "open"})
    assert zhejiang.name in response.text
    assert liaoning.name not in response.text
    assert invite_only.name not in response.text


def test_directory_filters_by_sector_and_members_capability(client: Any) -> None:
    capability = CapabilityFactory.create()
    sector = any_sector()
    with_both = ClusterFactory.create()
    with_both.sectors.set([sector])
    MembershipFactory.create(cluster=with_both, firm=FirmFactory.create(capabilities=[capability]))
    without = ClusterFactory.create()
    without.sectors.set([sector])
    response = client.get(reverse("clusters:index"), {"sector": sector.code, "capability": capability.code})
    assert with_both.name in response.text
    assert without.name not in response.text


def test_directory_query_count_does_not_grow_with_clusters(client: Any) -> None:
    firm, owner = firm_with_owner()
    client.force_login(owner)
    for _ in range(2):
        cluster = ClusterFactory.create()
        cluster.sectors.set([any_sector()])
        MembershipFactory.create(cluster=cluster, firm=firm)
    url = reverse("clusters:index")
    client.get(url)
    few = _queries(client, url)
    for _ in range(8):
        cluster = ClusterFactory.create()
        cluster.sectors.set([any_sector()])
        MembershipFactory.create(cluster=cluster)
    assert _queries(client, url) == few


# Proposing


def test_a_firm_owner_proposes_a_cluster(client: Any) -> None:
    firm, owner = firm_with_owner()
    client.force_login(owner)
    response = client.post(
        reverse("clusters:propose"),
        {
            "name_en": "Yiwu Small Commodities",
            "name_zh": "义乌小商品",
            "theme": "Small commodities",
            "sectors": [any_sector().pk],
            "join_policy": "application",
            "asset_review": "before",
        },
    )
    cluster = Cluster.objects.get(slug="yiwu-small-commodities")
    assert response.status_code == 302
    assert response.url == cluster.get_absolute_url()
    assert cluster.status == ClusterStatus.PROPOSED
    assert cluster.proposed_by == firm
    assert client.get(cluster.get_absolute_url()).status_code == 200


def test_a_taken_short_name_is_a_field_error(client: Any) -> None:
    ClusterFactory.create(slug="taken")
    _firm, owner = firm_with_owner()
    client.force_login(owner)
    response = client.post(
        reverse("clusters:propose"),
        {
            "name_en": "Another",
            "slug": "taken",
            "theme": "x",
            "sectors": [any_sector().pk],
            "join_policy": "open",
            "asset_review": "after",
        },
        **EN,
    )
    assert response.status_code == 200
    assert "A cluster with this short name already exists." in response.text


def test_a_plain_member_cannot_propose(client: Any) -> None:
    member = FirmMemberFactory.create(role=FirmRole.MEMBER)
    client.force_login(member.user)
    response = client.post(
        reverse("clusters:propose"),
        {"name_en": "Nope", "theme": "x", "sectors": [any_sector().pk], "join_policy": "open", "asset_review": "after"},
        **EN,
    )
    assert response.status_code == 200
    assert "Only the owner or an administrator" in response.text
    assert not Cluster.objects.filter(name_en="Nope").exists()


def test_a_person_without_firm_is_sent_to_register_one(client: Any, user: Any) -> None:
    client.force_login(user)
    response = client.get(reverse("clusters:propose"))
    assert response.status_code == 302
    assert response.url == reverse("identity:firm-create")


# The cluster's page


def test_cluster_page_shows_theme_members_moderators_and_chart(client: Any) -> None:
    moderator = UserFactory.create(display_name="Moderator Ma")
    cluster = ClusterFactory.create(moderators=[moderator], home_province="33", home_belt="Shaoxing textiles")
    member_firm, _owner = active_member(cluster, province="44")
    response = client.get(cluster.get_absolute_url(), **EN)
    assert response.status_code == 200
    for text in (cluster.theme, "Shaoxing textiles", "Moderator Ma", member_firm.name, "province-chart-data"):
        assert text in response.text
    assert "Guangdong" in response.text
    assert "vendor/echarts/echarts.min.js" in response.text


def test_cluster_page_links_the_live_room_for_members_only(client: Any) -> None:
    cluster = ClusterFactory.create()
    _firm, member = active_member(cluster)
    _other, outsider = firm_with_owner()
    room = reverse("realtime:room", args=["cluster", cluster.pk])
    client.force_login(member)
    assert room in client.get(cluster.get_absolute_url(), **EN).text
    client.force_login(outsider)
    assert room not in client.get(cluster.get_absolute_url(), **EN).text


def test_a_proposed_cluster_is_hidden_from_outsiders(client: Any) -> None:
    firm, owner = firm_with_owner()
    cluster = ClusterFactory.create(status=ClusterStatus.PROPOSED, proposed_by=firm)
    client.force_login(UserFactory.create())
    assert client.get(cluster.get_absolute_url()).status_code == 404
    client.force_login(owner)
    assert client.get(cluster.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("status", "button"),
    [
        (None, "Apply to join"),
        (MembershipStatus.APPLIED, "Withdraw the application"),
        (MembershipStatus.INVITED, "Accept the invitation"),
        (MembershipStatus.ACTIVE, "Leave the cluster"),
    ],
)
def test_cluster_page_offers_the_actions_the_firm_state_allows(client: Any, status: str | None, button: str) -> None:
    cluster = ClusterFactory.create()
    firm, owner = firm_with_owner()
    if status:
        MembershipFactory.create(cluster=cluster, firm=firm, status=status)
    client.force_login(owner)
    response = client.get(cluster.get_absolute_url(), **EN)
    assert button in response.text


def test_a_plain_member_sees_no_membership_buttons(client: Any) -> None:
    cluster = ClusterFactory.create()
    member = FirmMemberFactory.create(role=FirmRole.MEMBER)
    client.force_login(member.user)
    response = client.get(cluster.get_absolute_url(), **EN)
    assert "Apply to join" not in response.text
    assert "Only the owner or an administrator of your firm" in response.text


def test_cluster_page_query_count_does_not_grow_with_members(client: Any) -> None:
    cluster = ClusterFactory.create(moderators=[UserFactory.create()])
    _firm, owner = active_member(cluster)
    client.force_login(owner)
    url = cluster.get_absolute_url()
    client.get(url)
    few = _queries(client, url)
    for province in ("11", "32", "44", "51", "21", "33"):
        active_member(cluster, province=province)
    assert _queries(client, url) == few


# Membership actions of the firm


def test_applying_through_the_page_opens_an_application(client: Any) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    firm, owner = firm_with_owner()
    client.force_login(owner)
    response = _act(client, cluster, "apply", message="We make looms.")
    assert response.status_code == 302
    membership = ClusterMembership.objects.get(cluster=cluster, firm=firm)
    assert membership.status == MembershipStatus.APPLIED
    assert membership.message == "We make looms."
    assert moderator.notifications.filter(kind="membership.applied").exists()


def test_joining_an_open_cluster_is_immediate(client: Any) -> None:
    cluster = ClusterFactory.create(join_policy=JoinPolicy.OPEN)
    firm, owner = firm_with_owner()
    client.force_login(owner)
    _act(client, cluster, "apply")
    assert ClusterMembership.objects.get(cluster=cluster, firm=firm).status == MembershipStatus.ACTIVE


def test_applying_to_an_invitation_only_cluster_is_refused_with_a_message(client: Any) -> None:
    cluster = ClusterFactory.create(join_policy=JoinPolicy.INVITATION)
    firm, owner = firm_with_owner()
    client.force_login(owner)
    response = _act(client, cluster, "apply")
    assert response.status_code == 302
    assert "This cluster admits firms by invitation only." in _messages(response)
    assert not ClusterMembership.objects.filter(firm=firm).exists()


def test_applying_twice_is_refused_with_a_message(client: Any) -> None:
    cluster = ClusterFactory.create()
    firm, owner = firm_with_owner()
    MembershipFactory.create(cluster=cluster, firm=firm, status=MembershipStatus.APPLIED)
    client.force_login(owner)
    response = _act(client, cluster, "apply")
    assert response.status_code == 302
    assert any("has already applied" in text for text in _messages(response))


def test_a_plain_member_cannot_apply(client: Any) -> None:
    cluster = ClusterFactory.create()
    member = FirmMemberFactory.create(role=FirmRole.MEMBER)
    client.force_login(member.user)
    response = _act(client, cluster, "apply")
    assert response.status_code == 302
    assert any("Only the owner or an administrator" in text for text in _messages(response))


def test_a_person_without_firm_is_told_to_register(client: Any, user: Any) -> None:
    cluster = ClusterFactory.create()
    client.force_login(user)
    response = _act(client, cluster, "apply")
    assert response.status_code == 302
    assert any("Register your firm first" in text for text in _messages(response))


@pytest.mark.parametrize(
    ("start", "action", "end"),
    [
        (MembershipStatus.APPLIED, "withdraw", MembershipStatus.WITHDRAWN),
        (MembershipStatus.ACTIVE, "leave", MembershipStatus.LEFT),
        (MembershipStatus.INVITED, "accept", MembershipStatus.ACTIVE),
        (MembershipStatus.INVITED, "decline", MembershipStatus.DECLINED),
    ],
)
def test_firm_actions_through_the_page(client: Any, start: str, action: str, end: str) -> None:
    cluster = ClusterFactory.create()
    firm, owner = firm_with_owner()
    membership = MembershipFactory.create(cluster=cluster, firm=firm, status=start)
    client.force_login(owner)
    response = _act(client, cluster, action)
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == end


def test_an_action_without_membership_is_refused_with_a_message(client: Any) -> None:
    cluster = ClusterFactory.create()
    _firm, owner = firm_with_owner()
    client.force_login(owner)
    response = _act(client, cluster, "leave")
    assert response.status_code == 302
    assert "Your firm has no open membership of this cluster." in _messages(response)


def test_an_action_in_the_wrong_state_is_refused_with_a_message(client: Any) -> None:
    cluster = ClusterFactory.create()
    firm, owner = firm_with_owner()
    MembershipFactory.create(cluster=cluster, firm=firm, status=MembershipStatus.APPLIED)
    client.force_login(owner)
    response = _act(client, cluster, "leave")
    assert response.status_code == 302
    assert any("Cannot leave" in text for text in _messages(response))


def test_an_unknown_action_is_404(client: Any) -> None:
    cluster = ClusterFactory.create()
    _firm, owner = firm_with_owner()
    client.force_login(owner)
    assert _act(client, cluster, "explode").status_code == 404


def test_actions_need_post(client: Any) -> None:
    cluster = ClusterFactory.create()
    _firm, owner = firm_with_owner()
    client.force_login(owner)
    assert client.get(reverse("clusters:membership-action", args=[cluster.slug, "apply"])).status_code == 405


# The moderators' page


def test_manage_page_is_for_moderators_only(client: Any) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    _firm, owner = active_member(cluster)
    url = reverse("clusters:manage", args=[cluster.slug])
    client.force_login(owner)
    assert client.get(url).status_code == 403
    client.force_login(moderator)
    assert client.get(url).status_code == 200


def test_a_platform_administrator_may_manage_any_cluster(client: Any, admin_user: Any) -> None:
    cluster = ClusterFactory.create()
    client.force_login(admin_user)
    assert client.get(reverse("clusters:manage", args=[cluster.slug])).status_code == 200


def test_moderator_approves_an_application(client: Any) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    firm, owner = firm_with_owner()
    membership = MembershipFactory.create(cluster=cluster, firm=firm, status=MembershipStatus.APPLIED, joined_at=None)
    client.force_login(moderator)
    page = client.get(reverse("clusters:manage", args=[cluster.slug]))
    assert firm.name in page.text
    response = _moderate(client, cluster, membership, "approve")
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    assert owner.notifications.exists()


def test_moderator_rejects_with_a_reason_kept_in_the_history(client: Any) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    membership = MembershipFactory.create(cluster=cluster, status=MembershipStatus.APPLIED, joined_at=None)
    client.force_login(moderator)
    _moderate(client, cluster, membership, "reject", reason="Outside the theme")
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REJECTED
    assert MembershipEvent.objects.get(membership=membership, action="reject").reason == "Outside the theme"
    assert "Outside the theme" in client.get(reverse("clusters:manage", args=[cluster.slug])).text


def test_moderator_removes_a_member(client: Any) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    membership = MembershipFactory.create(cluster=cluster)
    client.force_login(moderator)
    _moderate(client, cluster, membership, "remove", reason="Inactive")
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REMOVED


def test_approving_twice_is_refused_with_a_message(client: Any) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    membership = MembershipFactory.create(cluster=cluster, status=MembershipStatus.ACTIVE)
    client.force_login(moderator)
    response = _moderate(client, cluster, membership, "approve")
    assert response.status_code == 302
    assert any("Cannot approve" in text for text in _messages(response))


def test_a_member_cannot_approve_through_the_url(client: Any) -> None:
    cluster = ClusterFactory.create()
    _firm, owner = active_member(cluster)
    membership = MembershipFactory.create(cluster=cluster, status=MembershipStatus.APPLIED, joined_at=None)
    client.force_login(owner)
    assert _moderate(client, cluster, membership, "approve").status_code == 403
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.APPLIED


def test_moderator_invites_a_firm(client: Any) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    firm, owner = firm_with_owner()
    client.force_login(moderator)
    response = client.post(reverse("clusters:manage-invite", args=[cluster.slug]), {"firm": firm.pk})
    assert response.status_code == 302
    assert ClusterMembership.objects.get(cluster=cluster, firm=firm).status == MembershipStatus.INVITED
    assert owner.notifications.filter(kind="membership.invited").exists()


def test_inviting_a_member_again_is_refused_with_a_message(client: Any) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    membership = MembershipFactory.create(cluster=cluster)
    client.force_login(moderator)
    response = client.post(reverse("clusters:manage-invite", args=[cluster.slug]), {"firm": membership.firm.pk}, **EN)
    assert response.status_code == 302
    assert any("already a member" in text for text in _messages(response))


# Partner suggestions


def test_partner_page_says_why_each_firm_is_suggested(client: Any) -> None:
    need, offer = CapabilityFactory.create(name_en="Dyeing"), CapabilityFactory.create(name_en="Weaving")
    cluster = ClusterFactory.create()
    firm, owner = firm_with_owner(needs=[need], capabilities=[offer])
    MembershipFactory.create(cluster=cluster, firm=firm)
    inside = FirmFactory.create(capabilities=[need], needs=[offer])
    MembershipFactory.create(cluster=cluster, firm=inside)
    outside = FirmFactory.create(capabilities=[need])
    client.force_login(owner)
    response = client.get(reverse("clusters:partners"), **EN)
    assert response.status_code == 200
    assert inside.name in response.text
    assert outside.name in response.text
    assert "Dyeing" in response.text
    assert "Weaving" in response.text
    assert cluster.name in response.text
    assert "Outside your clusters" in response.text


def test_partner_page_without_firm_asks_to_register(client: Any, user: Any) -> None:
    client.force_login(user)
    response = client.get(reverse("clusters:partners"))
    assert response.status_code == 200
    assert reverse("identity:firm-create") in response.text


def test_cluster_list_pages_render_for_anonymous_visitors(client: Any) -> None:
    cluster = ClusterFactory.create()
    assert client.get(reverse("clusters:index")).status_code == 200
    assert client.get(cluster.get_absolute_url()).status_code == 200
    assert client.get(reverse("clusters:partners")).status_code == 302
    assert client.get(reverse("clusters:manage", args=[cluster.slug])).status_code == 302


def test_bad_filter_values_show_the_directory_not_an_error(client: Any) -> None:
    cluster = ClusterFactory.create()
    response = client.get(reverse("clusters:index"), {"province": "99", "policy": "nope", "page": "x"})
    assert response.status_code == 200
    assert cluster.name in response.text


def test_navigation_links_every_part_of_the_platform(client: Any, user: Any) -> None:
    client.force_login(user)
    response = client.get(reverse("clusters:index"))
    for name in ("clusters:index", "knowledge:index", "projects:index", "spillover:index", "notifications:index"):
        assert f'href="{reverse(name)}"' in response.text
    assert reverse("account_logout") in response.text
