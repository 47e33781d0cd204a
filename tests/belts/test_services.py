"""Belts: firms of the region and sectors are suggested, only confirmed members count; agencies create
belts only inside their jurisdiction; clusters link to the belts their active members come from."""

from __future__ import annotations

import pytest

from agencies.models import AgencyKind
from belts import selectors, services
from belts.models import BeltMemberStatus
from clusters.models import MembershipStatus
from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, NotAllowed
from platform_.identity.models import FirmRole
from tests.belts.conftest import Land, agency
from tests.factories import FirmMemberFactory, UserFactory, firm_with_owner
from tests.observatory.conftest import sector

pytestmark = pytest.mark.django_db


def test_firms_of_the_region_and_sectors_are_suggested_until_they_answer(land: Land) -> None:
    suggested = set(selectors.firms_suggested(belt=land.suzhou))
    assert suggested == {land.firms["suzhou"][4][0]}  # the four others confirmed; the textile firm does not fit
    firm, owner = land.firms["suzhou"][4]
    assert set(selectors.belts_for_firm(firm=firm)) == {(land.suzhou, None), (land.anhui, None)}
    services.belt_membership_answer(belt=land.suzhou, firm=firm, by=owner, confirm=False)
    assert not selectors.firms_suggested(belt=land.suzhou).exists()
    assert dict(selectors.belts_for_firm(firm=firm))[land.suzhou] == BeltMemberStatus.DECLINED


def test_a_suggested_firm_does_not_count_until_it_confirms(land: Land) -> None:
    firm, owner = land.firms["suzhou"][4]
    assert firm not in selectors.belt_members(belt=land.suzhou)
    assert selectors.belt_members(belt=land.suzhou).count() == 4
    services.belt_membership_answer(belt=land.suzhou, firm=firm, by=owner, confirm=True)
    assert firm in selectors.belt_members(belt=land.suzhou)
    assert AuditEntry.objects.filter(action="belt.confirmed", firm_id=firm.pk).exists()


def test_only_owners_and_administrators_answer_for_the_firm(land: Land) -> None:
    firm, _owner = land.firms["suzhou"][4]
    member = FirmMemberFactory.create(firm=firm, role=FirmRole.MEMBER)
    with pytest.raises(NotAllowed):
        services.belt_membership_answer(belt=land.suzhou, firm=firm, by=member.user, confirm=True)
    with pytest.raises(NotAllowed):
        services.belt_membership_answer(belt=land.suzhou, firm=firm, by=UserFactory.create(), confirm=True)
    admin = FirmMemberFactory.create(firm=firm, role=FirmRole.ADMIN)
    services.belt_membership_answer(belt=land.suzhou, firm=firm, by=admin.user, confirm=True)
    assert firm in selectors.belt_members(belt=land.suzhou)


def test_a_firm_outside_the_region_or_sectors_cannot_join(land: Land) -> None:
    textile_firm, owner = land.firms["elsewhere"][0]
    with pytest.raises(Conflict):
        services.belt_membership_answer(belt=land.suzhou, firm=textile_firm, by=owner, confirm=True)
    hefei, hefei_owner = land.firms["hefei"][0]
    with pytest.raises(Conflict):
        services.belt_membership_answer(belt=land.suzhou, firm=hefei, by=hefei_owner, confirm=True)


def test_clusters_link_to_the_belts_their_active_members_confirmed(land: Land) -> None:
    assert set(selectors.belts_of_cluster(cluster=land.cluster)) == {land.suzhou, land.anhui, land.hangzhou}
    assert list(selectors.clusters_of_belt(belt=land.suzhou)) == [land.cluster]
    # A suggested (unconfirmed) firm in the cluster links nothing; a member that leaves the cluster unlinks.
    other = firm_with_owner(province="51", city="成都", sectors=[sector("21", "C")])[0]
    chengdu = services.belt_create(
        by=land.admin, name_zh="成都", name_en="Chengdu", province="51", city="成都", sectors=[sector("21", "C")]
    )
    from tests.factories import MembershipFactory

    MembershipFactory.create(cluster=land.cluster, firm=other)
    assert chengdu not in selectors.belts_of_cluster(cluster=land.cluster)
    land.cluster.memberships.filter(firm__province="33").update(status=MembershipStatus.LEFT)
    assert land.hangzhou not in selectors.belts_of_cluster(cluster=land.cluster)


def test_a_verified_agency_creates_belts_only_inside_its_jurisdiction(land: Land) -> None:
    apparel = sector("18", "C")
    city_agency, officer = agency(admin=land.admin, regions=[("34", "宿州")])
    belt = services.belt_create(
        by=officer, agency=city_agency, name_zh="宿州鞋服", name_en="Suzhou shoes", province="34", city="宿州",
        sectors=[apparel],
    )  # fmt: skip
    assert belt.agency == city_agency
    for province, city in (("34", "合肥"), ("34", ""), ("43", "株洲")):  # another city, the whole province, elsewhere
        with pytest.raises(NotAllowed):
            services.belt_create(
                by=officer, agency=city_agency, name_zh="x", name_en="x", province=province, city=city,
                sectors=[apparel],
            )  # fmt: skip
    province_agency, province_officer = agency(admin=land.admin, regions=[("34", "")], kind=AgencyKind.PROVINCE)
    for city in ("合肥", ""):
        services.belt_create(
            by=province_officer, agency=province_agency, name_zh="y", name_en="y", province="34", city=city,
            sectors=[apparel],
        )  # fmt: skip
    with pytest.raises(NotAllowed):  # someone outside the agency
        services.belt_create(
            by=UserFactory.create(), agency=province_agency, name_zh="z", name_en="z", province="34", sectors=[apparel]
        )
    with pytest.raises(NotAllowed):  # a person without an agency, not a platform administrator
        services.belt_create(by=officer, name_zh="z", name_en="z", province="34", sectors=[apparel])


def test_an_unverified_agency_creates_no_belt(land: Land) -> None:
    from agencies import services as agency_services

    officer = UserFactory.create()
    pending = agency_services.agency_register(by=officer, name_zh="待审", kind=AgencyKind.CITY, regions=[("34", "")])
    with pytest.raises(NotAllowed):
        services.belt_create(
            by=officer, agency=pending, name_zh="z", name_en="z", province="34", sectors=[sector("18", "C")]
        )


def test_an_agency_sees_the_belts_of_its_jurisdiction_on_its_page(land: Land) -> None:
    from django.test import Client

    city_agency, officer = agency(admin=land.admin, regions=[("34", "宿州")])
    listed = [belt for belt, _figures in selectors.belts_for_agency(agency=city_agency)]
    # Suzhou's belt lies in it; Anhui's has confirmed members in it; Hangzhou's has nothing to do with it.
    assert set(listed) == {land.anhui, land.suzhou}
    client = Client(headers={"accept-language": "en"})
    client.force_login(officer)
    assert f"/belts/agencies/{city_agency.pk}/" in client.get(f"/agencies/{city_agency.pk}/").content.decode()
    page = client.get(f"/belts/agencies/{city_agency.pk}/").content.decode()
    assert f"/belts/{land.suzhou.pk}/" in page
    assert f"/belts/{land.hangzhou.pk}/" not in page

    outsider = Client()
    outsider.force_login(UserFactory.create())
    assert outsider.get(f"/belts/agencies/{city_agency.pk}/").status_code == 404


def test_the_suggested_firms_owners_are_told_when_a_belt_is_made(land: Land) -> None:
    from platform_.notifications.models import Notification

    chengdu = firm_with_owner(province="51", city="成都", sectors=[sector("21", "C")])
    elsewhere = firm_with_owner(province="51", city="绵阳", sectors=[sector("21", "C")])
    services.belt_create(
        by=land.admin, name_zh="成都家具", name_en="Chengdu furniture", province="51", city="成都",
        sectors=[sector("21", "C")],
    )  # fmt: skip
    assert Notification.objects.filter(kind="belt.suggested", recipient=chengdu[1]).count() == 1
    assert not Notification.objects.filter(kind="belt.suggested", recipient=elsewhere[1]).exists()


def test_the_home_page_asks_a_suggested_firm_to_answer(land: Land) -> None:
    from django.test import Client

    firm, owner = land.firms["suzhou"][4]
    client = Client(headers={"accept-language": "en"})
    client.force_login(owner)
    home = client.get("/").content.decode()
    assert 'data-testid="belts-suggested"' in home
    assert f"/belts/{land.suzhou.pk}/" in home
    services.belt_membership_answer(belt=land.suzhou, firm=firm, by=owner, confirm=True)
    services.belt_membership_answer(belt=land.anhui, firm=firm, by=owner, confirm=False)
    assert 'data-testid="belts-suggested"' not in client.get("/").content.decode()
