"""A small land of belts: firms of Suzhou (Anhui) and Hefei, a Zhejiang cluster reaching in, uses between them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from agencies import services as agency_services
from agencies.models import Agency, AgencyKind
from belts import services
from belts.models import Belt
from platform_.identity.models import Firm, User
from tests.factories import ClusterFactory, MembershipFactory, UserFactory, firm_with_owner
from tests.observatory.conftest import asset_of, sector, use


@dataclass
class Land:
    admin: User
    suzhou: Belt
    anhui: Belt  # the whole province's apparel: Suzhou's belt lies inside it
    hangzhou: Belt
    firms: dict[str, list[tuple[Firm, User]]] = field(default_factory=dict)
    cluster: Any = None


def agency(*, admin: User, regions: list[tuple[str, str]], kind: str = AgencyKind.CITY) -> tuple[Agency, User]:
    officer = UserFactory.create()
    registered = agency_services.agency_register(by=officer, name_zh="工信局", kind=kind, regions=regions)
    return agency_services.agency_decide(agency=registered, by=admin, approve=True), officer


def confirm_all(belt: Belt, firms: list[tuple[Firm, User]]) -> None:
    for firm, owner in firms:
        services.belt_membership_answer(belt=belt, firm=firm, by=owner, confirm=True)


@pytest.fixture
def land(db: Any) -> Land:
    """Suzhou (Anhui): 5 apparel firms, 4 confirm; Hefei: 1 apparel firm, confirms the province belt;
    Hangzhou: 4 textile firms, confirmed, owning assets the Suzhou firms use; a cluster of 3 Suzhou
    firms and the 4 Hangzhou firms."""
    apparel, textile = sector("18", "C"), sector("17", "C")
    admin = UserFactory.create(is_staff=True, is_superuser=True)
    firms = {
        "suzhou": [firm_with_owner(province="34", city="宿州", sectors=[apparel]) for _ in range(5)],
        "hefei": [firm_with_owner(province="34", city="合肥", sectors=[apparel])],
        "hangzhou": [firm_with_owner(province="33", city="杭州", sectors=[textile]) for _ in range(4)],
        "elsewhere": [firm_with_owner(province="34", city="宿州", sectors=[textile])],  # not the belt's sector
    }
    suzhou = services.belt_create(
        by=admin, name_zh="宿州在线产业带", name_en="Suzhou belt", province="34", city="宿州", sectors=[apparel]
    )
    anhui = services.belt_create(
        by=admin, name_zh="安徽服装产业带", name_en="Anhui apparel belt", province="34", sectors=[apparel]
    )
    hangzhou = services.belt_create(
        by=admin, name_zh="杭州纺织产业带", name_en="Hangzhou belt", province="33", city="杭州", sectors=[textile]
    )
    confirm_all(suzhou, firms["suzhou"][:4])
    confirm_all(anhui, firms["suzhou"][:4] + firms["hefei"])
    confirm_all(hangzhou, firms["hangzhou"])
    assets = [asset_of(firm) for firm, _owner in firms["hangzhou"]]
    for i, (firm, _owner) in enumerate(firms["suzhou"]):
        for j, asset in enumerate(assets[:3]):
            use(firm, asset, days_ago=5 + i + j)
    asset_of(firms["suzhou"][0][0])
    cluster = ClusterFactory.create(home_province="33", proposed_by=firms["hangzhou"][0][0])
    for firm, _owner in firms["suzhou"][:3] + firms["hangzhou"]:
        MembershipFactory.create(cluster=cluster, firm=firm)
    return Land(admin=admin, suzhou=suzhou, anhui=anhui, hangzhou=hangzhou, firms=firms, cluster=cluster)
