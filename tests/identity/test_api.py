"""The identity API: firms, their people and invitations, sectors and capabilities, for each role."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from platform_.identity.models import FirmInvitation, FirmMember, FirmRole, Sector
from tests.factories import (
    CapabilityFactory,
    FirmFactory,
    UserFactory,
    firm_with_owner,
    make_credit_code,
    person_in,
)

pytestmark = pytest.mark.django_db
API = "/api/v1"


def client_for(user: Any = None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


def post(client: Client, url: str, data: dict[str, Any] | None = None) -> Any:
    return client.post(url, data or {}, content_type="application/json")


def patch(client: Client, url: str, data: dict[str, Any]) -> Any:
    return client.patch(url, data, content_type="application/json")


def is_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status
    assert body["detail"]
    return body


def firm_payload(**overrides: Any) -> dict[str, Any]:
    payload = {
        "name_zh": "宁波模具",
        "name_en": "Ningbo Moulds",
        "credit_code": make_credit_code(4242),
        "province": "33",
        "city": "宁波",
        "sectors": ["17"],
    }
    payload.update(overrides)
    return payload


# Reference data


def test_sectors_and_capabilities_are_readable_by_anyone() -> None:
    client = client_for()
    sectors = client.get(f"{API}/sectors/").json()["results"]
    assert sectors
    assert sectors[0]["code"] <= sectors[-1]["code"]
    assert client.get(f"{API}/sectors/17/").json()["name_en"] == Sector.objects.get(code="17").name_en
    cap = CapabilityFactory.create(code="test.api-cap")
    assert client.get(f"{API}/capabilities/test.api-cap/").json()["name_en"] == cap.name_en
    is_problem(client.get(f"{API}/sectors/ZZ/"), 404)


def test_reference_data_cannot_be_written() -> None:
    response = post(client_for(UserFactory.create(is_staff=True)), f"{API}/sectors/", {"code": "99"})
    is_problem(response, 405)


# Firms


def test_anyone_lists_active_firms() -> None:
    firm = FirmFactory.create()
    FirmFactory.create(is_active=False)
    body = client_for().get(f"{API}/firms/").json()
    assert [row["id"] for row in body["results"]] == [firm.pk]
    assert body["results"][0]["sectors"][0]["code"]


def test_the_firm_list_filters_by_province_sector_capability_and_words() -> None:
    weaving = CapabilityFactory.create(code="test.weaving")
    textiles = Sector.objects.get(code="17")
    other = Sector.objects.exclude(code="17").first()
    weaver = FirmFactory.create(province="33", sectors=[textiles], capabilities=[weaving], name_en="Keqiao Weavers")
    maker = FirmFactory.create(province="44", sectors=[other], needs=[weaving], city="佛山")
    client = client_for()

    def ids(query: str) -> list[int]:
        response = client.get(f"{API}/firms/?{query}")
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert ids("province=44") == [maker.pk]
    assert ids("sector=17") == [weaver.pk]
    assert ids("capability=test.weaving") == [weaver.pk]
    assert ids("need=test.weaving") == [maker.pk]
    assert ids("search=keqiao") == [weaver.pk]
    assert ids("search=佛山") == [maker.pk]


@pytest.mark.parametrize("query", ["sector=ZZ", "capability=no.such", "province=99"])
def test_an_unknown_filter_code_is_a_400_naming_the_field(query: str) -> None:
    body = is_problem(client_for().get(f"{API}/firms/?{query}"), 400)
    assert body["errors"][0]["field"] == query.split("=")[0]


def test_registering_a_firm_makes_the_caller_its_owner() -> None:
    user = UserFactory.create()
    response = post(client_for(user), f"{API}/firms/", firm_payload())
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["name"]
    assert body["sectors"][0]["code"] == "17"
    assert FirmMember.objects.get(firm_id=body["id"]).user == user
    assert FirmMember.objects.get(firm_id=body["id"]).role == FirmRole.OWNER


def test_an_invalid_credit_code_is_a_400_with_the_reason() -> None:
    code = make_credit_code(4243)
    wrong = code[:17] + ("0" if code[17] != "0" else "1")
    body = is_problem(post(client_for(UserFactory.create()), f"{API}/firms/", firm_payload(credit_code=wrong)), 400)
    assert body["errors"][0]["field"] == "credit_code"
    assert "check character" in body["errors"][0]["message"]


def test_a_credit_code_already_registered_is_a_409() -> None:
    FirmFactory.create(credit_code=make_credit_code(4242))
    body = is_problem(post(client_for(UserFactory.create()), f"{API}/firms/", firm_payload()), 409)
    assert body["errors"][0]["field"] == "credit_code"


def test_an_unknown_sector_code_is_a_400() -> None:
    body = is_problem(post(client_for(UserFactory.create()), f"{API}/firms/", firm_payload(sectors=["ZZ"])), 400)
    assert body["errors"][0]["field"] == "sectors"
    assert "ZZ" in body["errors"][0]["message"]


def test_a_firm_without_any_name_is_a_400() -> None:
    body = is_problem(
        post(client_for(UserFactory.create()), f"{API}/firms/", firm_payload(name_zh="", name_en="")), 400
    )
    assert body["errors"][0]["field"] == "name_zh"


def test_anonymous_callers_cannot_register_firms() -> None:
    is_problem(post(client_for(), f"{API}/firms/", firm_payload()), 401)


@pytest.mark.parametrize(
    ("role", "status"),
    [("owner", 200), ("admin", 200), ("member", 403), ("outsider", 403), ("anonymous", 401)],
)
def test_who_may_change_a_firm(role: str, status: int) -> None:
    firm, owner = firm_with_owner()
    people = {
        "owner": owner,
        "admin": person_in(firm, FirmRole.ADMIN),
        "member": person_in(firm, FirmRole.MEMBER),
        "outsider": firm_with_owner()[1],
        "anonymous": None,
    }
    response = patch(client_for(people[role]), f"{API}/firms/{firm.pk}/", {"city": "温州", "sectors": ["17"]})
    assert response.status_code == status, response.content
    firm.refresh_from_db()
    assert firm.city == ("温州" if status == 200 else "杭州")


def test_the_credit_code_cannot_be_changed() -> None:
    firm, owner = firm_with_owner()
    old = firm.credit_code
    response = patch(client_for(owner), f"{API}/firms/{firm.pk}/", {"credit_code": make_credit_code(1)})
    assert response.status_code == 200
    firm.refresh_from_db()
    assert firm.credit_code == old


def test_a_missing_firm_is_a_404() -> None:
    is_problem(client_for().get(f"{API}/firms/999999/"), 404)


# People


def test_a_firms_people_are_listed_for_its_people_only() -> None:
    firm, owner = firm_with_owner()
    member = person_in(firm)
    body = client_for(member).get(f"{API}/firms/{firm.pk}/people/").json()
    assert [row["user"]["email"] for row in body["results"]] == [owner.email, member.email]
    for outsider in (firm_with_owner()[1], UserFactory.create(is_staff=True)):
        is_problem(client_for(outsider).get(f"{API}/firms/{firm.pk}/people/"), 403)
    is_problem(client_for().get(f"{API}/firms/{firm.pk}/people/"), 401)


def test_an_administrator_invites_and_the_invitee_accepts() -> None:
    firm, _owner = firm_with_owner()
    admin = person_in(firm, FirmRole.ADMIN)
    response = post(client_for(admin), f"{API}/firms/{firm.pk}/invitations/", {"email": "new@example.test"})
    assert response.status_code == 201, response.content
    assert "token" not in response.json()
    invitation = FirmInvitation.objects.get(email="new@example.test")
    joiner = UserFactory.create(email="new@example.test")
    response = post(client_for(joiner), f"{API}/invitations/accept/", {"token": invitation.token})
    assert response.status_code == 200, response.content
    assert response.json()["role"] == FirmRole.MEMBER
    is_problem(post(client_for(joiner), f"{API}/invitations/accept/", {"token": invitation.token}), 404)


def test_inviting_is_refused_to_members_and_checked_for_bad_input() -> None:
    firm, owner = firm_with_owner()
    url = f"{API}/firms/{firm.pk}/invitations/"
    is_problem(post(client_for(person_in(firm)), url, {"email": "x@example.test"}), 403)
    is_problem(post(client_for(), url, {"email": "x@example.test"}), 401)
    body = is_problem(post(client_for(owner), url, {"email": "not-an-email"}), 400)
    assert body["errors"][0]["field"] == "email"
    body = is_problem(post(client_for(owner), url, {"email": "x@example.test", "role": "emperor"}), 400)
    assert body["errors"][0]["field"] == "role"
    is_problem(post(client_for(owner), url, {"email": owner.email}), 409)


def test_role_changes_keep_the_last_owner() -> None:
    firm, owner = firm_with_owner()
    admin = person_in(firm, FirmRole.ADMIN)
    owner_row = FirmMember.objects.get(user=owner)
    body = is_problem(patch(client_for(owner), f"{API}/firms/{firm.pk}/people/{owner_row.pk}/", {"role": "admin"}), 409)
    assert "owner" in body["detail"]
    admin_row = FirmMember.objects.get(user=admin)
    is_problem(patch(client_for(admin), f"{API}/firms/{firm.pk}/people/{admin_row.pk}/", {"role": "owner"}), 403)
    response = patch(client_for(owner), f"{API}/firms/{firm.pk}/people/{admin_row.pk}/", {"role": "owner"})
    assert response.status_code == 200
    assert response.json()["role"] == "owner"


def test_removing_people() -> None:
    firm, owner = firm_with_owner()
    member = person_in(firm)
    row = FirmMember.objects.get(user=member)
    is_problem(client_for(firm_with_owner()[1]).delete(f"{API}/firms/{firm.pk}/people/{row.pk}/"), 403)
    assert client_for(owner).delete(f"{API}/firms/{firm.pk}/people/{row.pk}/").status_code == 204
    assert not FirmMember.objects.filter(pk=row.pk).exists()
    own_row = FirmMember.objects.get(user=owner)
    is_problem(client_for(owner).delete(f"{API}/firms/{firm.pk}/people/{own_row.pk}/"), 409)
    is_problem(client_for(owner).delete(f"{API}/firms/{firm.pk}/people/999999/"), 404)


# Query counts do not grow with rows


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries)


def test_the_firm_list_costs_the_same_for_3_and_30_firms() -> None:
    caps = [CapabilityFactory.create() for _ in range(3)]
    viewer = UserFactory.create()
    client = client_for(viewer)

    def add(n: int) -> None:
        for _ in range(n):
            FirmFactory.create(capabilities=caps, needs=caps[:1])

    add(3)
    few = count_queries(client, f"{API}/firms/")
    add(27)
    assert count_queries(client, f"{API}/firms/") == few
    assert count_queries(client, f"{API}/firms/?capability={caps[0].code}") == count_queries(
        client, f"{API}/firms/?capability={caps[0].code}&page_size=3"
    )


def test_the_people_list_costs_the_same_for_3_and_30_people() -> None:
    firm, owner = firm_with_owner()
    client = client_for(owner)
    for _ in range(2):
        person_in(firm)
    few = count_queries(client, f"{API}/firms/{firm.pk}/people/")
    for _ in range(27):
        person_in(firm)
    assert count_queries(client, f"{API}/firms/{firm.pk}/people/") == few
