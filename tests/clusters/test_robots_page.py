"""The cluster moderators' page of the cluster's group-chat robots: who reaches it, adding and removing."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse

from clusters.models import ClusterStatus
from clusters.robots import cluster_robot_add
from platform_.api.models import EndpointKind, WebhookEndpoint
from platform_.audit.models import AuditEntry
from platform_.identity.models import FirmRole
from tests.factories import ClusterFactory, FirmMemberFactory, UserFactory, active_member, firm_with_owner, person_in

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
LOCAL = {"GROUP_ROBOT_EXTRA_HOSTS": ["127.0.0.1"]}
WECOM_URL = "http://127.0.0.1:9/cgi-bin/webhook/send?key=robot-key"


def _page(cluster: Any) -> str:
    return reverse("clusters:robots", args=[cluster.slug])


def _moderator_with_firm() -> tuple[Any, Any, Any]:
    firm, owner = firm_with_owner()
    cluster = ClusterFactory.create(moderators=[owner])
    return cluster, firm, owner


def _form(firm: Any, **changes: Any) -> dict[str, Any]:
    data = {
        "firm": firm.pk,
        "kind": "wecom",
        "url": WECOM_URL,
        "secret": "",
        "language": "zh-hans",
        "description": "Cluster group",
        "events": ["membership.approved"],
    }
    data.update(changes)
    return data


def test_only_the_clusters_moderators_reach_the_page(client: Any, admin_user: Any) -> None:
    cluster, firm, moderator = _moderator_with_firm()
    _member_firm, member_owner = active_member(cluster)
    other_moderator = UserFactory.create()
    ClusterFactory.create(moderators=[other_moderator])
    url = _page(cluster)
    assert client.get(url).status_code == 302  # signed out: to the sign-in page
    for outsider in (member_owner, other_moderator, person_in(firm, FirmRole.ADMIN)):
        client.force_login(outsider)
        assert client.get(url).status_code == 403
        assert client.post(url, _form(firm)).status_code == 403
    client.force_login(moderator)
    assert client.get(url, **EN).status_code == 200
    assert url in client.get(reverse("clusters:manage", args=[cluster.slug])).text
    client.force_login(admin_user)
    assert client.get(url).status_code == 200
    assert not WebhookEndpoint.objects.exists()


def test_a_hidden_cluster_is_not_found(client: Any) -> None:
    firm, _owner = firm_with_owner()
    cluster = ClusterFactory.create(status=ClusterStatus.PROPOSED, proposed_by=firm)
    client.force_login(UserFactory.create())
    assert client.get(_page(cluster)).status_code == 404


@override_settings(**LOCAL)
def test_a_moderator_adds_a_robot_for_the_cluster(client: Any) -> None:
    cluster, firm, moderator = _moderator_with_firm()
    client.force_login(moderator)
    response = client.post(_page(cluster), _form(firm), **EN)
    assert response.status_code == 302
    robot = WebhookEndpoint.objects.get()
    assert (robot.kind, robot.cluster_id, robot.firm_id) == (EndpointKind.WECOM, cluster.pk, firm.pk)
    assert (robot.language, robot.events) == ("zh-hans", ["membership.approved"])
    page = client.get(_page(cluster), **EN)
    assert "Cluster group" in page.text
    assert "robot-key" not in page.text  # the URL's key is the credential


@override_settings(**LOCAL)
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"url": "https://evil.example.com/cgi-bin/webhook/send?key=x"}, "url"),
        ({"url": "not a url"}, "url"),
        ({"kind": "dingtalk", "url": "https://oapi.dingtalk.com/robot/send?access_token=x"}, "secret"),
        ({"kind": "telegram"}, "kind"),
        ({"events": ["no.such.event"]}, "events"),
        ({"events": []}, "events"),
        ({"language": "xx"}, "language"),
    ],
)
def test_bad_input_is_a_form_error(client: Any, changes: dict[str, Any], field: str) -> None:
    cluster, firm, moderator = _moderator_with_firm()
    client.force_login(moderator)
    response = client.post(_page(cluster), _form(firm, **changes), **EN)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not WebhookEndpoint.objects.exists()


@override_settings(**LOCAL)
def test_the_robot_delivers_only_through_a_firm_the_moderator_manages(client: Any) -> None:
    cluster, _firm, moderator = _moderator_with_firm()
    other_firm, _ = firm_with_owner()
    member_firm, _ = firm_with_owner()
    FirmMemberFactory.create(firm=member_firm, user=moderator, role=FirmRole.MEMBER)  # a member, not a manager
    client.force_login(moderator)
    for firm in (other_firm, member_firm):
        response = client.post(_page(cluster), _form(firm), **EN)
        assert response.status_code == 200
        assert response.context["form"].errors["firm"]
    assert not WebhookEndpoint.objects.exists()


def test_a_moderator_who_manages_no_firm_is_told_so(client: Any) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(moderators=[moderator])
    client.force_login(moderator)
    page = client.get(_page(cluster), **EN)
    assert 'data-testid="no-managed-firm"' in page.text
    response = client.post(_page(cluster), {"kind": "wecom"}, **EN)
    assert response.status_code == 200
    assert not WebhookEndpoint.objects.exists()


@override_settings(**LOCAL)
def test_a_moderator_removes_a_clusters_robot_and_no_other(client: Any) -> None:
    cluster, firm, moderator = _moderator_with_firm()
    robot = cluster_robot_add(cluster=cluster, firm=firm, by=moderator, kind="wecom", url=WECOM_URL, events=["*"])
    elsewhere = ClusterFactory.create(moderators=[moderator])
    other = cluster_robot_add(cluster=elsewhere, firm=firm, by=moderator, kind="wecom", url=WECOM_URL, events=["*"])
    co_moderator = UserFactory.create()
    cluster.moderators.add(co_moderator)
    member_owner = active_member(cluster)[1]
    remove = reverse("clusters:robot-remove", args=[cluster.slug, robot.pk])
    client.force_login(member_owner)
    assert client.post(remove).status_code == 403
    client.force_login(co_moderator)
    assert client.get(remove).status_code == 405
    assert client.post(reverse("clusters:robot-remove", args=[cluster.slug, other.pk])).status_code == 404
    response = client.post(remove, **EN)
    assert response.status_code == 302
    assert list(WebhookEndpoint.objects.all()) == [other]
    entry = AuditEntry.objects.get(action="cluster.robot.remove")
    assert (entry.actor_id, entry.firm_id) == (co_moderator.pk, firm.pk)


@override_settings(**LOCAL)
def test_the_page_makes_a_bounded_number_of_queries(client: Any, django_assert_max_num_queries: Any) -> None:
    cluster, _firm, moderator = _moderator_with_firm()
    for index in range(12):
        owner_firm, owner = firm_with_owner()
        cluster.moderators.add(owner)
        cluster_robot_add(
            cluster=cluster,
            firm=owner_firm,
            by=owner,
            kind="wecom",
            url=WECOM_URL,
            events=["*"],
            description=f"R{index}",
        )
    client.force_login(moderator)
    with django_assert_max_num_queries(12):
        response = client.get(_page(cluster), **EN)
    assert response.status_code == 200
    assert response.text.count('data-testid="robot-remove"') == 12
