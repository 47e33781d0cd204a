"""Every main page stays within 20 queries for a signed-in member (and anonymously where public),
and its query count does not grow when the data behind it grows threefold."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agencies import services as agency_services
from agencies.models import Agency, AgencyKind
from belts import services as belt_services
from belts.models import Belt
from clusters.models import Cluster
from knowledge.models import Asset, UseEvent, UseKind
from observatory.services import open_statistics_refresh
from platform_.identity.models import Firm, User
from platform_.notifications.services import notify
from projects import services as project_services
from projects.models import Project
from spillover import services as spillover_services
from tests.factories import ClusterFactory, UserFactory, active_member, person_in
from tests.knowledge.factories import make_asset
from tests.observatory.conftest import sector
from tests.projects.factories import open_project

pytestmark = pytest.mark.django_db

BUDGET = 20


@dataclass
class Land:
    """A cluster with a signed-in member firm, its neighbours, their assets, uses, projects and notes."""

    cluster: Cluster
    firm: Firm
    owner: User
    rival: Firm
    rival_owner: User
    sponsored: Project
    solving: Project
    agency: Agency
    officer: User
    colleague: User
    belt: Belt
    firms: list[Firm] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)


def land_build() -> Land:
    textile = sector("17", "C")
    cluster = ClusterFactory.create(home_province="33")
    firm, owner = active_member(cluster, sectors=[textile])
    rival, rival_owner = active_member(cluster, sectors=[textile])
    sponsored, _sponsor = _sponsored_by(firm, owner)
    solving, _other = open_project()
    project_services.terms_accept(project=solving, by=owner, firm=firm)
    admin = UserFactory.create(is_staff=True, is_superuser=True)
    officer = UserFactory.create()
    registered = agency_services.agency_register(
        by=officer, name_zh="浙江省经济和信息化厅", kind=AgencyKind.PROVINCE, regions=[("33", "")]
    )
    agency = agency_services.agency_decide(agency=registered, by=admin, approve=True)
    belt = belt_services.belt_create(
        by=admin, name_zh="杭州纺织产业带", name_en="Hangzhou belt", province="33", city="杭州", sectors=[textile]
    )
    colleague = person_in(firm)
    land = Land(cluster, firm, owner, rival, rival_owner, sponsored, solving, agency, officer, colleague, belt)
    land.firms += [firm, rival]
    land.assets.append(make_asset(firm=firm, by=owner, title_en="Loom frame study"))
    return land


def _sponsored_by(firm: Firm, owner: User) -> tuple[Project, User]:
    from tests.projects.factories import CriterionFactory, ProjectFactory

    project = ProjectFactory.create(sponsor=firm, created_by=owner)
    CriterionFactory.create(project=project)
    project_services.project_transition(project=project, action="publish", by=owner)
    project.refresh_from_db()
    return project, owner


def land_grow(land: Land, n: int) -> None:
    """``n`` more of everything a main page lists: member firms, assets, uses, projects, solvers, notes."""
    textile = sector("17", "C")
    now = timezone.now()
    for index in range(n):
        firm, owner = active_member(land.cluster, sectors=[textile])
        land.firms.append(firm)
        asset = make_asset(firm=firm, by=owner, title_zh=f"纺织机械 {index}", title_en=f"Textile machinery {index}")
        land.assets.append(asset)
        belt_services.belt_membership_answer(belt=land.belt, firm=firm, by=owner, confirm=True)
        open_project()
        project_services.terms_accept(project=land.sponsored, by=owner, firm=firm)
    days = [now - timedelta(days=d) for d in range(1, 4)]
    UseEvent.objects.bulk_create(
        [
            UseEvent(firm=user_firm, asset=asset, kind=UseKind.VIEW, occurred_at=at, day=at.date())
            for user_firm, own in zip(land.firms[-n:], land.assets[-n:], strict=True)
            for asset in [*land.assets[:3], *land.assets[-n:]]
            for at in days
            if asset != own
        ],
        ignore_conflicts=True,
    )
    for index in range(n):
        notify(recipients=[land.owner], kind="system", title=f"Note {index}")
    spillover_services.run_compute(run_id=spillover_services.run_start(as_of=now).pk)
    open_statistics_refresh(k=3)


def pages(land: Land) -> dict[str, str]:
    """The main pages, by name, as a member of the cluster sees them."""
    cluster, firm = land.cluster, land.firm
    return {
        "home": reverse("home"),
        "clusters": reverse("clusters:index"),
        "cluster": cluster.get_absolute_url(),
        "cluster members, page 2": cluster.get_absolute_url() + "?members_page=2",
        "cluster spillover": reverse("spillover:cluster", args=[cluster.pk]),
        "knowledge": reverse("knowledge:index"),
        "asset": reverse("knowledge:detail", args=[land.assets[0].pk]),
        "search": reverse("knowledge:index") + "?q=纺织机械",
        "projects": reverse("projects:index"),
        "project, as sponsor": reverse("projects:detail", args=[land.sponsored.pk]),
        "project, as solver": reverse("projects:detail", args=[land.solving.pk]),
        "spillover": reverse("spillover:index"),
        "observatory": reverse("observatory:index"),
        "observatory province": reverse("observatory:province", args=["33"]),
        "observatory clusters": reverse("observatory:clusters"),
        "agencies": reverse("agencies:index"),
        "belts": reverse("belts:index"),
        "belt": reverse("belts:detail", args=[land.belt.pk]),
        "notifications": reverse("notifications:index"),
        "own firm": reverse("identity:firm-detail", args=[firm.pk]),
        "another firm": reverse("identity:firm-detail", args=[land.rival.pk]),
        "colleague": reverse("reputation:person", args=[land.colleague.pk]),
        "rooms": reverse("realtime:list"),
        "cluster room": reverse("realtime:room", args=["cluster", cluster.pk]),
    }


PUBLIC = ["home", "clusters", "observatory", "observatory province", "observatory clusters", "belts", "belt"]


def signed_in(user: User, firm: Firm | None = None) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    if firm is not None:
        session = client.session
        session["current_firm_id"] = firm.pk
        session.save()
    return client


def measure(client: Client, url: str) -> tuple[int, int, int]:
    """Status, queries and bytes of one request (after a first one has warmed the caches it may fill)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response.status_code, len(captured), len(response.content)


def counts(client: Client, urls: dict[str, str]) -> dict[str, tuple[int, int, int]]:
    return {name: measure(client, url) for name, url in urls.items()}


def over(found: dict[str, tuple[int, int, int]]) -> list[str]:
    return [
        f"{name}: {status}, {queries} queries"
        for name, (status, queries, _size) in found.items()
        if status != 200 or queries > BUDGET
    ]


def test_every_main_page_stays_within_its_budget_and_does_not_grow_with_the_data() -> None:
    land = land_build()
    land_grow(land, 4)
    member, officer = signed_in(land.owner, land.firm), signed_in(land.officer)
    urls = pages(land)
    agency = {"agency, as its officer": reverse("agencies:detail", args=[land.agency.pk])}
    few = counts(member, urls) | counts(officer, agency)
    land_grow(land, 8)
    many = counts(member, urls) | counts(officer, agency)
    urls |= agency
    assert over(few) == []
    assert over(many) == []
    grown = [f"{name}: {few[name][1]} -> {many[name][1]}" for name in urls if many[name][1] > few[name][1]]
    assert grown == []


def test_public_pages_stay_within_the_budget_anonymously() -> None:
    land = land_build()
    land_grow(land, 3)
    urls = pages(land)
    found = counts(Client(headers={"accept-language": "en"}), {name: urls[name] for name in PUBLIC})
    assert over(found) == []
