"""The clusters API for each role: the directory, proposals and decisions, memberships and their
transitions, history and partner suggestions; bad input gets a clear 4xx; lists cost the same at any size."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from clusters.models import Cluster, ClusterMembership, ClusterStatus, JoinPolicy, MembershipStatus
from platform_.identity.models import FirmRole
from tests.factories import (
    CapabilityFactory,
    ClusterFactory,
    FirmFactory,
    FirmMemberFactory,
    MembershipFactory,
    UserFactory,
    active_member,
    firm_with_owner,
    person_in,
)

pytestmark = pytest.mark.django_db
API = "/api/v1"


def client_for(user: Any = None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


def post(user: Any, url: str, data: dict[str, Any] | None = None) -> Any:
    return client_for(user).post(url, data or {}, content_type="application/json")


def is_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status
    assert body["detail"]
    return body


@pytest.fixture
def people():
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(join_policy=JoinPolicy.APPLICATION, moderators=[moderator])
    firm, owner = firm_with_owner()
    outsider_firm, outsider = firm_with_owner()
    return {
        "cluster": cluster,
        "firm": firm,
        "outsider_firm": outsider_firm,
        "firm_owner": owner,
        "firm_admin": person_in(firm, FirmRole.ADMIN),
        "firm_member": person_in(firm, FirmRole.MEMBER),
        "outsider_owner": outsider,
        "moderator": moderator,
        "platform_admin": UserFactory.create(is_staff=True),
        "anonymous": None,
    }


# The directory


def test_anyone_lists_approved_clusters_most_members_first() -> None:
    small = ClusterFactory.create()
    big = ClusterFactory.create()
    active_member(big)
    active_member(big)
    active_member(small)
    ClusterFactory.create(status=ClusterStatus.PROPOSED)
    body = client_for().get(f"{API}/clusters/").json()
    assert [(row["slug"], row["member_count"]) for row in body["results"]] == [(big.slug, 2), (small.slug, 1)]


def test_the_directory_filters_like_the_page() -> None:
    dyeing = CapabilityFactory.create(code="test.dyeing")
    with_dyer = ClusterFactory.create(join_policy=JoinPolicy.OPEN, home_province="33")
    active_member(with_dyer, capabilities=[dyeing])
    other = ClusterFactory.create(home_province="23", name_en="Harbin Heavy Machinery")

    def slugs(query: str) -> list[str]:
        response = client_for().get(f"{API}/clusters/?{query}")
        assert response.status_code == 200, response.content
        return [row["slug"] for row in response.json()["results"]]

    assert slugs("capability=test.dyeing") == [with_dyer.slug]
    assert slugs("province=23") == [other.slug]
    assert slugs("policy=open") == [with_dyer.slug]
    assert slugs("search=harbin") == [other.slug]


@pytest.mark.parametrize("query", ["sector=ZZ", "capability=no.such", "province=99", "policy=sometimes"])
def test_an_unknown_directory_filter_is_a_400(query: str) -> None:
    body = is_problem(client_for().get(f"{API}/clusters/?{query}"), 400)
    assert body["errors"][0]["field"] == query.split("=")[0]


def test_a_proposed_cluster_is_visible_to_its_firm_and_administrators_only(people) -> None:
    proposed = ClusterFactory.create(status=ClusterStatus.PROPOSED, proposed_by=people["firm"])
    url = f"{API}/clusters/{proposed.slug}/"
    for role in ("firm_member", "platform_admin"):
        assert client_for(people[role]).get(url).json()["status"] == "proposed"
    for role in ("outsider_owner", "moderator", "anonymous"):
        is_problem(client_for(people[role]).get(url), 404)
    assert [
        row["slug"] for row in client_for(people["platform_admin"]).get(f"{API}/clusters/proposals/").json()["results"]
    ] == [proposed.slug]


# Proposing and deciding


def proposal(**overrides: Any) -> dict[str, Any]:
    data = {"name_en": "Yiwu Small Goods", "theme": "Small commodities", "sectors": ["17"], "join_policy": "open"}
    data.update(overrides)
    return data


def test_a_firm_owner_proposes_a_cluster(people) -> None:
    response = post(people["firm_owner"], f"{API}/clusters/", proposal())
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["slug"], body["status"], body["proposed_by"]["id"]) == (
        "yiwu-small-goods",
        "proposed",
        people["firm"].pk,
    )


@pytest.mark.parametrize(("role", "status"), [("firm_member", 403), ("anonymous", 401)])
def test_members_and_anonymous_callers_cannot_propose(people, role: str, status: int) -> None:
    is_problem(post(people[role], f"{API}/clusters/", proposal()), status)
    assert not Cluster.objects.filter(slug="yiwu-small-goods").exists()


def test_a_person_without_a_firm_is_told_so() -> None:
    body = is_problem(post(UserFactory.create(), f"{API}/clusters/", proposal()), 403)
    assert body["code"] == "no_firm"


def test_proposals_with_bad_input_get_clear_400s_and_409s(people) -> None:
    owner = people["firm_owner"]
    body = is_problem(post(owner, f"{API}/clusters/", proposal(sectors=["ZZ"])), 400)
    assert body["errors"][0]["field"] == "sectors"
    body = is_problem(post(owner, f"{API}/clusters/", proposal(join_policy="whenever")), 400)
    assert body["errors"][0]["field"] == "join_policy"
    body = is_problem(post(owner, f"{API}/clusters/", proposal(slug=people["cluster"].slug)), 409)
    assert "short name" in body["detail"]
    is_problem(post(owner, f"{API}/clusters/", proposal(name_en="", slug="nameless")), 400)


@pytest.mark.parametrize(
    ("role", "status"),
    # A proposal is invisible to other firms' people (a moderator elsewhere): 404.
    [("platform_admin", 200), ("firm_owner", 403), ("moderator", 404), ("anonymous", 401)],
)
def test_only_platform_administrators_approve(people, role: str, status: int) -> None:
    proposed = ClusterFactory.create(status=ClusterStatus.PROPOSED, proposed_by=people["firm"])
    response = post(people[role], f"{API}/clusters/{proposed.slug}/approve/")
    assert response.status_code == status, response.content
    proposed.refresh_from_db()
    assert proposed.status == (ClusterStatus.APPROVED if status == 200 else ClusterStatus.PROPOSED)


def test_rejecting_needs_a_reason_and_a_cluster_is_decided_once(people) -> None:
    admin = people["platform_admin"]
    proposed = ClusterFactory.create(status=ClusterStatus.PROPOSED)
    body = is_problem(post(admin, f"{API}/clusters/{proposed.slug}/reject/"), 409)
    assert body["errors"][0]["field"] == "reason"
    response = post(admin, f"{API}/clusters/{proposed.slug}/reject/", {"reason": "Too narrow"})
    assert response.json()["status"] == "rejected"
    assert response.json()["decision_reason"] == "Too narrow"
    is_problem(post(admin, f"{API}/clusters/{proposed.slug}/approve/"), 409)


# Memberships


def test_who_sees_which_membership_and_whose_message(people) -> None:
    cluster = people["cluster"]
    active = MembershipFactory.create(cluster=cluster, message="hello")
    applied = MembershipFactory.create(
        cluster=cluster, firm=people["firm"], status=MembershipStatus.APPLIED, message="please"
    )
    MembershipFactory.create(status=MembershipStatus.INVITED)

    def seen(role: str) -> dict[int, Any]:
        body = client_for(people[role]).get(f"{API}/memberships/").json()
        return {row["id"]: row["message"] for row in body["results"]}

    assert seen("anonymous") == {active.pk: None}
    assert seen("outsider_owner") == {active.pk: None}
    assert seen("firm_member") == {active.pk: None, applied.pk: "please"}
    assert seen("moderator") == {active.pk: "hello", applied.pk: "please"}
    assert len(seen("platform_admin")) == 3


def test_the_memberships_list_filters_by_cluster_and_status(people) -> None:
    cluster = people["cluster"]
    MembershipFactory.create(cluster=cluster)
    applied = MembershipFactory.create(cluster=cluster, status=MembershipStatus.APPLIED)
    MembershipFactory.create(status=MembershipStatus.APPLIED)
    body = client_for(people["platform_admin"]).get(f"{API}/memberships/?cluster={cluster.slug}&status=applied")
    assert [row["id"] for row in body.json()["results"]] == [applied.pk]
    is_problem(client_for().get(f"{API}/memberships/?status=dreaming"), 400)


def test_a_firm_applies_for_itself(people) -> None:
    response = post(people["firm_admin"], f"{API}/memberships/", {"cluster": people["cluster"].slug, "message": "Hi"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["firm"]["id"], body["status"], body["message"]) == (people["firm"].pk, "applied", "Hi")


def test_a_duplicate_application_is_a_409_with_a_message(people) -> None:
    post(people["firm_owner"], f"{API}/memberships/", {"cluster": people["cluster"].slug})
    body = is_problem(post(people["firm_owner"], f"{API}/memberships/", {"cluster": people["cluster"].slug}), 409)
    assert "already applied" in body["detail"]


@pytest.mark.parametrize(
    ("role", "status"), [("firm_member", 403), ("outsider_owner", 403), ("moderator", 403), ("anonymous", 401)]
)
def test_applying_for_a_firm_one_does_not_manage_is_refused(people, role: str, status: int) -> None:
    data = {"cluster": people["cluster"].slug, "firm": people["firm"].pk}
    is_problem(post(people[role], f"{API}/memberships/", data), status)
    assert not ClusterMembership.objects.exists()


def test_applying_to_an_unknown_or_unapproved_cluster_is_a_400(people) -> None:
    proposed = ClusterFactory.create(status=ClusterStatus.PROPOSED)
    for slug in ("no-such-cluster", proposed.slug):
        body = is_problem(post(people["firm_owner"], f"{API}/memberships/", {"cluster": slug}), 400)
        assert body["errors"][0]["field"] == "cluster"


def test_an_invitation_only_cluster_refuses_applications(people) -> None:
    closed = ClusterFactory.create(join_policy=JoinPolicy.INVITATION)
    body = is_problem(post(people["firm_owner"], f"{API}/memberships/", {"cluster": closed.slug}), 403)
    assert "invitation" in body["detail"]


@pytest.mark.parametrize(
    ("role", "status"),
    [("moderator", 201), ("platform_admin", 201), ("firm_owner", 403), ("outsider_owner", 403), ("anonymous", 401)],
)
def test_who_may_invite(people, role: str, status: int) -> None:
    data = {"kind": "invite", "cluster": people["cluster"].slug, "firm": people["outsider_firm"].pk}
    response = post(people[role], f"{API}/memberships/", data)
    assert response.status_code == status, response.content
    assert ClusterMembership.objects.filter(status=MembershipStatus.INVITED).exists() == (status == 201)


def test_an_invitation_names_a_firm(people) -> None:
    body = is_problem(post(people["moderator"], f"{API}/memberships/", {"kind": "invite", "cluster": "x"}), 400)
    assert {error["field"] for error in body["errors"]} == {"cluster"}
    body = is_problem(
        post(people["moderator"], f"{API}/memberships/", {"kind": "invite", "cluster": people["cluster"].slug}), 400
    )
    assert body["errors"][0]["field"] == "firm"


# Transitions through the API: each role, allowed or refused

APPROVE = {
    "firm_owner": 403,
    "firm_admin": 403,
    "firm_member": 403,
    "outsider_owner": 404,  # an application is not visible to other firms
    "moderator": 200,
    "platform_admin": 200,
    "anonymous": 401,
}
WITHDRAW = {**APPROVE, "firm_owner": 200, "firm_admin": 200, "moderator": 403, "platform_admin": 403}
LEAVE = {**WITHDRAW, "outsider_owner": 403}  # an active membership is public, the move is not theirs


@pytest.mark.parametrize(
    ("action", "source", "target", "expected"),
    [
        ("approve", MembershipStatus.APPLIED, MembershipStatus.ACTIVE, APPROVE),
        ("reject", MembershipStatus.APPLIED, MembershipStatus.REJECTED, APPROVE),
        ("withdraw", MembershipStatus.APPLIED, MembershipStatus.WITHDRAWN, WITHDRAW),
        ("accept", MembershipStatus.INVITED, MembershipStatus.ACTIVE, WITHDRAW),
        ("decline", MembershipStatus.INVITED, MembershipStatus.DECLINED, WITHDRAW),
        ("leave", MembershipStatus.ACTIVE, MembershipStatus.LEFT, LEAVE),
        ("remove", MembershipStatus.ACTIVE, MembershipStatus.REMOVED, {**APPROVE, "outsider_owner": 403}),
    ],
)
@pytest.mark.parametrize("role", list(APPROVE))
def test_transitions_by_role(people, action: str, source: str, target: str, expected: dict, role: str) -> None:
    membership = MembershipFactory.create(cluster=people["cluster"], firm=people["firm"], status=source)
    response = post(people[role], f"{API}/memberships/{membership.pk}/{action}/", {"reason": "r"})
    assert response.status_code == expected[role], response.content
    membership.refresh_from_db()
    if expected[role] == 200:
        assert response.json()["status"] == target == membership.status
        assert membership.events.get().action == action
    else:
        assert membership.status == source
        assert not membership.events.exists()


def test_approving_a_withdrawn_application_is_a_409(people) -> None:
    membership = MembershipFactory.create(
        cluster=people["cluster"], firm=people["firm"], status=MembershipStatus.WITHDRAWN
    )
    body = is_problem(post(people["moderator"], f"{API}/memberships/{membership.pk}/approve/"), 409)
    assert "withdrawn" in body["detail"].lower()


def test_an_unknown_action_is_a_400_naming_the_known_ones(people) -> None:
    membership = MembershipFactory.create(cluster=people["cluster"], firm=people["firm"])
    body = is_problem(post(people["moderator"], f"{API}/memberships/{membership.pk}/promote/"), 400)
    assert body["code"] == "unknown_action"
    assert "approve" in body["detail"]


def test_a_missing_membership_is_a_404(people) -> None:
    is_problem(post(people["moderator"], f"{API}/memberships/999999/approve/"), 404)


def test_a_memberships_history_for_insiders(people) -> None:
    response = post(people["firm_owner"], f"{API}/memberships/", {"cluster": people["cluster"].slug, "message": "m"})
    membership_id = response.json()["id"]
    post(people["moderator"], f"{API}/memberships/{membership_id}/approve/", {"reason": "welcome"})
    url = f"{API}/memberships/{membership_id}/history/"
    events = client_for(people["firm_member"]).get(url).json()
    assert [(e["action"], e["from_status"], e["to_status"], e["reason"]) for e in events] == [
        ("apply", "", "applied", "m"),
        ("approve", "applied", "active", "welcome"),
    ]
    assert len(client_for(people["moderator"]).get(url).json()) == 2
    is_problem(client_for(people["outsider_owner"]).get(url), 403)
    is_problem(client_for(people["anonymous"]).get(url), 403)


# Partner suggestions


def test_partner_suggestions_for_the_firms_people_only(people) -> None:
    need = CapabilityFactory.create(code="test.need")
    people["firm"].needs.set([need])
    partner = FirmFactory.create(capabilities=[need])
    url = f"{API}/firms/{people['firm'].pk}/partners/"
    body = client_for(people["firm_member"]).get(url).json()
    assert [(row["firm"]["id"], [c["code"] for c in row["covered"]]) for row in body] == [(partner.pk, ["test.need"])]
    is_problem(client_for(people["outsider_owner"]).get(url), 403)
    is_problem(client_for(people["anonymous"]).get(url), 401)
    is_problem(client_for(people["firm_member"]).get(f"{url}?limit=0"), 400)


# Query counts do not grow with rows


def count_queries(user: Any, url: str) -> int:
    client = client_for(user)
    client.get(url)  # warm the session and the firm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries)


def test_the_cluster_list_costs_the_same_for_3_and_30_clusters() -> None:
    def add(n: int) -> None:
        for _ in range(n):
            active_member(ClusterFactory.create())

    add(3)
    few = count_queries(None, f"{API}/clusters/")
    add(27)
    assert count_queries(None, f"{API}/clusters/") == few


def test_the_memberships_list_costs_the_same_for_3_and_30_memberships(people) -> None:
    def add(n: int) -> None:
        for index in range(n):
            cluster = ClusterFactory.create(moderators=[people["moderator"]])
            MembershipFactory.create(cluster=cluster, status=MembershipStatus.APPLIED if index % 2 else "active")

    add(3)
    urls = [f"{API}/memberships/", f"{API}/memberships/?status=applied"]
    few = {(role, url): count_queries(people[role], url) for role in ("moderator", "firm_owner") for url in urls}
    add(27)
    many = {(role, url): count_queries(people[role], url) for role in ("moderator", "firm_owner") for url in urls}
    assert many == few


# The schema


def test_every_endpoint_is_in_the_schema_with_who_may_call_it_and_its_errors() -> None:
    response = client_for().get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    ours = (
        "/api/v1/firms",
        "/api/v1/sectors",
        "/api/v1/capabilities",
        "/api/v1/invitations",
        "/api/v1/clusters",
        "/api/v1/memberships",
    )
    operations = [
        (path, method, operation)
        for path, item in paths.items()
        if path.startswith(ours)
        for method, operation in item.items()
        if method in {"get", "post", "patch", "delete"}
    ]
    assert len(operations) >= 20
    for path, method, operation in operations:
        assert len(operation.get("description", "")) > 20, (path, method)
        if method != "get":
            errors = [code for code in operation["responses"] if code.startswith("4")]
            assert {"401", "403"} <= set(errors), (path, method)
            for code in errors:
                assert "application/problem+json" in operation["responses"][code]["content"], (path, method, code)
    assert "/api/v1/memberships/{id}/{transition}/" in paths


# API keys supply the acting firm


def test_an_api_key_acts_for_its_firm_within_its_scopes(people) -> None:
    from platform_.api.keys import api_key_create

    second_firm, _ = firm_with_owner()
    owner = people["firm_owner"]
    FirmMemberFactory.create(firm=second_firm, user=owner, role=FirmRole.OWNER)  # the owner runs two firms
    issued = api_key_create(firm=second_firm, by=owner, name="ERP", scopes=["memberships:write"])
    client = Client(HTTP_ACCEPT_LANGUAGE="en", HTTP_AUTHORIZATION=f"Bearer {issued.token}")
    response = client.post(f"{API}/memberships/", {"cluster": people["cluster"].slug}, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["firm"]["id"] == second_firm.pk
    read_only = api_key_create(firm=second_firm, by=owner, name="BI", scopes=["clusters:read"])
    client = Client(HTTP_AUTHORIZATION=f"Bearer {read_only.token}")
    assert client.get(f"{API}/clusters/").status_code == 200
    response = client.post(f"{API}/clusters/", proposal(), content_type="application/json")
    is_problem(response, 403)
