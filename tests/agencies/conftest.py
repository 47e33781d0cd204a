"""The land of the agencies' tests: firms in Zhejiang and Guangdong, clusters, and a verified Zhejiang agency."""

from __future__ import annotations

from typing import Any

import pytest

from agencies import services
from agencies.models import AgencyKind
from clusters.models import ClusterStatus
from tests.factories import ClusterFactory, MembershipFactory, UserFactory, firm_with_owner
from tests.observatory.conftest import sector


@pytest.fixture
def land(db: Any) -> dict[str, Any]:
    textile, software = sector("17", "C"), sector("65", "I")
    zj = [firm_with_owner(province="33", city="杭州", sectors=[textile]) for _ in range(3)]
    zj_soft = firm_with_owner(province="33", city="宁波", sectors=[software])
    gd = [firm_with_owner(province="44", city="佛山", sectors=[textile]) for _ in range(3)]
    a = ClusterFactory.create(home_province="33", proposed_by=zj[0][0], name_zh="长三角纺织", name_en="Delta textiles")
    for firm, _owner in zj + gd[:1]:
        MembershipFactory.create(cluster=a, firm=firm)
    b = ClusterFactory.create(home_province="44", proposed_by=gd[0][0], name_zh="佛山家电", name_en="Foshan appliances")
    for firm, _owner in gd:
        MembershipFactory.create(cluster=b, firm=firm)
    small = ClusterFactory.create(home_province="33", proposed_by=zj_soft[0], name_zh="小集群", name_en="Small")
    MembershipFactory.create(cluster=small, firm=zj_soft[0])
    proposed_zj = ClusterFactory.create(home_province="33", proposed_by=zj[1][0], status=ClusterStatus.PROPOSED)
    proposed_gd = ClusterFactory.create(home_province="44", proposed_by=gd[1][0], status=ClusterStatus.PROPOSED)
    admin = UserFactory.create(is_staff=True, is_superuser=True)
    officer = UserFactory.create()
    agency = services.agency_register(
        by=officer, name_zh="浙江省经济和信息化厅", kind=AgencyKind.PROVINCE, regions=[("33", "")]
    )
    agency = services.agency_decide(agency=agency, by=admin, approve=True)
    return {
        "zj": zj, "zj_soft": zj_soft, "gd": gd, "a": a, "b": b, "small": small, "proposed_zj": proposed_zj,
        "proposed_gd": proposed_gd, "admin": admin, "officer": officer, "agency": agency,
        "textile": textile, "software": software,
    }  # fmt: skip
