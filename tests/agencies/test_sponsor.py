"""A verified public agency sponsors design challenges on behalf of the public, through a firm identity of its
own whose administrators are the agency's people; the projects' pages name it as a public agency."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from agencies import selectors, services
from agencies.models import Agency, AgencyKind
from platform_.identity.credit_code import validate_credit_code
from platform_.identity.models import Firm, FirmMember, FirmRole
from projects import services as projects
from projects.models import Project, ProjectStatus
from tests.factories import ClusterFactory, MembershipFactory, UserFactory, firm_with_owner

pytestmark = pytest.mark.django_db


def _register(officer: Any, **fields: Any) -> Agency:
    return services.agency_register(
        by=officer, name_zh="株洲市工业和信息化局", name_en="Zhuzhou MIIT bureau", kind=AgencyKind.CITY,
        regions=[("43", "株洲")], **fields,
    )  # fmt: skip


@pytest.fixture
def verified() -> tuple[Agency, Any]:
    officer, admin = UserFactory.create(), UserFactory.create(is_staff=True, is_superuser=True)
    agency = _register(officer)
    return services.agency_decide(agency=agency, by=admin, approve=True), officer


def _firm(agency: Agency) -> Firm:
    assert agency.firm is not None
    return agency.firm


def _client(user: Any) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def test_verification_creates_the_firm_identity_with_the_agencys_people_as_administrators() -> None:
    officer, colleague = UserFactory.create(), UserFactory.create()
    agency = _register(officer, credit_code="11430200MB1234567A")
    agency.members.create(user=colleague)
    assert agency.firm is None
    agency = services.agency_decide(
        agency=agency, by=UserFactory.create(is_staff=True, is_superuser=True), approve=True
    )
    firm = agency.firm
    assert firm is not None
    assert (firm.name_zh, firm.name_en, firm.province, firm.city) == (
        "株洲市工业和信息化局", "Zhuzhou MIIT bureau", "43", "株洲",
    )  # fmt: skip
    assert firm.credit_code == agency.credit_code
    assert set(FirmMember.objects.filter(firm=firm).values_list("user_id", "role")) == {
        (officer.pk, FirmRole.ADMIN),
        (colleague.pk, FirmRole.ADMIN),
    }


def test_an_agency_without_a_code_gets_a_valid_placeholder(verified: tuple[Agency, Any]) -> None:
    agency, _officer = verified
    assert agency.firm is not None
    validate_credit_code(agency.firm.credit_code)
    assert agency.firm.credit_code[2:4] == "43"


def test_an_unverified_or_rejected_agency_has_no_firm_identity() -> None:
    officer = UserFactory.create()
    pending = _register(officer)
    rejected = services.agency_decide(
        agency=_register(UserFactory.create()), by=UserFactory.create(is_staff=True, is_superuser=True),
        approve=False, reason="Not a public body",
    )  # fmt: skip
    assert pending.firm is None
    assert rejected.firm is None
    assert not FirmMember.objects.filter(user=officer).exists()


def test_an_agency_person_posts_and_opens_a_challenge_as_the_agency(verified: tuple[Agency, Any]) -> None:
    agency, officer = verified
    project = projects.project_create(
        by=officer, firm=_firm(agency), title="Open tooling for the rail cluster", brief="Shared fixtures.",
        deadline=timezone.now() + timedelta(days=10), award_amount=Decimal("50000"),
    )  # fmt: skip
    projects.criterion_create(project=project, by=officer, name="Reuse", weight=Decimal("1"))
    projects.project_transition(project=project, action="publish", by=officer)
    project.refresh_from_db()
    assert project.status == ProjectStatus.OPEN
    assert project.sponsor_id == agency.firm_id
    # The agency's person acts for the agency's firm on the project pages, as a firm's people do.
    deadline = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = _client(officer).post(
        "/projects/new/",
        {"kind": "design", "title": "Public test bench", "brief": "For every firm of the park.",
         "eligibility": "open", "award_amount": "20000", "ip_terms": "non_exclusive", "deadline": deadline},
    )  # fmt: skip
    assert response.status_code == 302
    assert Project.objects.get(title="Public test bench").sponsor_id == agency.firm_id


def test_the_project_page_names_the_public_agency(verified: tuple[Agency, Any]) -> None:
    agency, officer = verified
    project = projects.project_create(
        by=officer, firm=_firm(agency), title="Open tooling", brief="…", deadline=timezone.now() + timedelta(days=10),
        award_other="A public demonstration slot",
    )  # fmt: skip
    projects.criterion_create(project=project, by=officer, name="Reuse", weight=Decimal("1"))
    projects.project_transition(project=project, action="publish", by=officer)
    body = Client(headers={"accept-language": "en"}).get(f"/projects/{project.pk}/").content.decode()
    assert "Sponsored by Zhuzhou MIIT bureau (public agency)" in body
    zh = Client(headers={"accept-language": "zh-hans"}).get(f"/projects/{project.pk}/").content.decode()
    assert "由 株洲市工业和信息化局（政府部门）代表公众发起" in zh
    listing = Client(headers={"accept-language": "en"}).get("/projects/").content.decode()
    assert 'data-testid="public-sponsor">public agency<' in listing
    firm, owner = firm_with_owner()
    other = projects.project_create(
        by=owner, firm=firm, title="Private", brief="…", deadline=timezone.now() + timedelta(days=10),
        award_amount=Decimal("1000"),
    )  # fmt: skip
    page = _client(owner).get(f"/projects/{other.pk}/")
    assert page.status_code == 200
    assert firm.name in page.content.decode()
    assert "public agency" not in page.content.decode()


def test_the_agency_firm_does_not_change_the_agencys_cluster_figures(verified: tuple[Agency, Any]) -> None:
    agency, _officer = verified
    cluster = ClusterFactory.create(home_province="43")
    for _ in range(3):
        MembershipFactory.create(cluster=cluster, firm=firm_with_owner(province="43", city="株洲")[0])
    rows = {row["cluster"].pk: row for row in selectors.cluster_figures(agency=agency)}
    assert rows[cluster.pk]["members"] == 3
    assert rows[cluster.pk]["members_here"] == 3


def test_the_agency_firm_is_not_counted_in_the_open_statistics(verified: tuple[Agency, Any]) -> None:
    from observatory.services import open_statistics_refresh

    agency, _officer = verified
    assert agency.firm is not None
    for _ in range(3):
        firm_with_owner(province=agency.firm.province, city="株洲")
    stats = open_statistics_refresh(k=1)
    assert stats is not None
    counted = Firm.objects.exclude(pk=agency.firm.pk).filter(is_active=True).count()
    assert stats.data["national"]["firms"] == counted
