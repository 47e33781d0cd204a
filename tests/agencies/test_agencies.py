"""Public agencies: verified by an administrator, they see aggregates of their jurisdiction only, endorse
clusters, publish guidance that reaches exactly the firms in scope, and approve proposed clusters."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from agencies import selectors, services
from agencies.models import Agency, AgencyKind, AgencyStatus, Endorsement
from clusters.models import ClusterStatus
from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, NotAllowed, NotFound
from platform_.notifications.models import Notification
from tests.factories import ClusterFactory, UserFactory

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def test_an_administrator_verifies_a_registered_agency_in_the_browser(land: dict[str, Any]) -> None:
    person = UserFactory.create()
    response = _client(person).post(
        "/agencies/", {"name_zh": "株洲市工信局", "kind": AgencyKind.CITY, "provinces": ["43"], "city": "株洲"}
    )
    agency = Agency.objects.get(name_zh="株洲市工信局")
    assert response.status_code == 302
    assert agency.status == AgencyStatus.PENDING
    # Unverified, it sees nothing and may do nothing.
    assert b"agency-clusters" not in _client(person).get(f"/agencies/{agency.pk}/").content
    with pytest.raises(NotAllowed):
        services.endorsement_set(agency=agency, cluster=land["a"], by=person, endorse=True)
    admin = _client(land["admin"])
    assert "株洲市工信局" in admin.get("/agencies/review/").content.decode()
    admin.post("/agencies/review/", {"agency": agency.pk, "approve": "1"})
    agency.refresh_from_db()
    assert agency.status == AgencyStatus.VERIFIED
    assert AuditEntry.objects.filter(action="agency.verify").count() == 2  # the fixture's agency, and this one
    assert _client(person).get("/agencies/review/").status_code == 404


def test_an_agency_sees_only_clusters_with_members_in_its_jurisdiction_as_aggregates(land: dict[str, Any]) -> None:
    client = _client(land["officer"])
    body = client.get(f"/agencies/{land['agency'].pk}/").content.decode()
    assert "Delta textiles" in body
    assert "Foshan appliances" not in body
    for firm, _owner in land["zj"] + land["gd"]:
        assert firm.name_zh not in body
        assert firm.name_en not in body
    # A cluster with fewer than k members shows member counts only: its other figures are hidden.
    rows = {row["cluster"].pk: row for row in selectors.cluster_figures(agency=land["agency"])}
    assert rows[land["small"].pk]["assets"] is None
    assert rows[land["small"].pk]["members_here"] is None
    assert rows[land["a"].pk]["members"] == 4
    assert rows[land["a"].pk]["members_here"] == 3
    # Another agency's person, or a firm's, sees nothing of it.
    assert _client(land["zj"][0][1]).get(f"/agencies/{land['agency'].pk}/").status_code == 404


def test_endorsement_inside_the_jurisdiction_only_audited_and_revocable(land: dict[str, Any]) -> None:
    agency, client = land["agency"], _client(land["officer"])
    assert client.post(f"/agencies/{agency.pk}/clusters/{land['b'].pk}/endorse/", {"endorse": "1"}).status_code == 404
    client.post(f"/agencies/{agency.pk}/clusters/{land['a'].pk}/endorse/", {"endorse": "1"})
    assert Endorsement.objects.filter(agency=agency, cluster=land["a"], revoked_at=None).exists()
    assert AuditEntry.objects.filter(action="cluster.endorse").count() == 1
    assert 'data-testid="endorsed"' in client.get(f"/agencies/{agency.pk}/").content.decode()
    client.post(f"/agencies/{agency.pk}/clusters/{land['a'].pk}/endorse/", {"endorse": "0"})
    assert not Endorsement.objects.filter(agency=agency, cluster=land["a"], revoked_at=None).exists()
    assert AuditEntry.objects.filter(action="cluster.endorse_revoke").count() == 1


def test_guidance_reaches_exactly_the_firms_in_scope(land: dict[str, Any]) -> None:
    agency = land["agency"]
    services.guidance_publish(
        agency=agency, by=land["officer"], kind="subsidy", title="纺织机械数字化改造补贴", body="…",
        valid_from=date(2026, 1, 1), sectors=[land["textile"]],
    )  # fmt: skip
    told = set(Notification.objects.filter(kind="guidance.published").values_list("recipient_id", flat=True))
    assert told == {owner.pk for _firm, owner in land["zj"]}
    reached = _client(land["zj"][0][1]).get("/agencies/guidance/").content.decode()
    assert "纺织机械数字化改造补贴" in reached
    for outsider in (land["zj_soft"][1], land["gd"][0][1]):
        assert "纺织机械数字化改造补贴" not in _client(outsider).get("/agencies/guidance/").content.decode()
    with pytest.raises(Conflict):
        services.guidance_publish(
            agency=agency, by=land["officer"], kind="policy", title="x", body="x", valid_from=date(2026, 1, 1),
            provinces=["44"],
        )  # fmt: skip


def test_an_agency_approves_proposed_clusters_of_provinces_it_covers_whole(land: dict[str, Any]) -> None:
    agency, client = land["agency"], _client(land["officer"])
    assert (
        client.post(f"/agencies/{agency.pk}/clusters/{land['proposed_gd'].pk}/decide/", {"approve": "1"}).status_code
        == 404
    )
    client.post(f"/agencies/{agency.pk}/clusters/{land['proposed_zj'].pk}/decide/", {"approve": "1"})
    land["proposed_zj"].refresh_from_db()
    assert land["proposed_zj"].status == ClusterStatus.APPROVED
    entry = AuditEntry.objects.get(action="cluster.approve")
    assert entry.data["authority"] == f"agency:{agency.pk}"
    # A city bureau covers only part of its province: it may not decide the province's clusters.
    city = services.agency_register(
        by=land["officer"], name_zh="杭州市经信局", kind=AgencyKind.CITY, regions=[("33", "杭州")]
    )
    city = services.agency_decide(agency=city, by=land["admin"], approve=True)
    other = ClusterFactory.create(home_province="33", proposed_by=land["zj"][2][0], status=ClusterStatus.PROPOSED)
    with pytest.raises(NotFound):
        services.agency_cluster_decide(agency=city, cluster=other, by=land["officer"], approve=True)


def test_an_endorsement_shows_as_a_badge_in_the_open_observatory(land: dict[str, Any]) -> None:
    from observatory.services import open_statistics_refresh

    services.endorsement_set(agency=land["agency"], cluster=land["a"], by=land["officer"], endorse=True)
    open_statistics_refresh(k=3)
    body = Client().get("/observatory/clusters/").content.decode()
    assert 'data-testid="endorsement-badge"' in body
    assert "浙江省经济和信息化厅" in body


def test_a_clusters_page_shows_its_endorsements_and_to_its_members_the_guidance_reaching_them(
    land: dict[str, Any],
) -> None:
    services.endorsement_set(agency=land["agency"], cluster=land["a"], by=land["officer"], endorse=True)
    services.guidance_publish(
        agency=land["agency"], by=land["officer"], kind="call", title="协同创新项目征集 2027", body="…",
        valid_from=date(2026, 1, 1), sectors=[land["textile"]],
    )  # fmt: skip
    url = land["a"].get_absolute_url()
    member_page = _client(land["zj"][0][1]).get(url).content.decode()
    assert 'data-testid="cluster-endorsement"' in member_page
    assert "协同创新项目征集 2027" in member_page
    outsider_page = _client(land["zj_soft"][1]).get(url).content.decode()
    assert 'data-testid="cluster-endorsement"' in outsider_page
    assert "协同创新项目征集 2027" not in outsider_page
    # A cluster none of whose members the guidance reaches shows none of it.
    other = _client(land["gd"][0][1]).get(land["b"].get_absolute_url()).content.decode()
    assert "协同创新项目征集 2027" not in other


def test_the_dashboards_figures_cost_the_same_queries_for_one_cluster_or_many(
    land: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    from tests.factories import ClusterFactory, MembershipFactory

    for _ in range(5):
        cluster = ClusterFactory.create(home_province="33", proposed_by=land["zj"][0][0])
        for firm, _owner in land["zj"]:
            MembershipFactory.create(cluster=cluster, firm=firm)
    with django_assert_max_num_queries(9):  # nothing stored by the hourly refresh: activity counted here
        rows = selectors.cluster_figures(agency=land["agency"])
    assert len(rows) == 7


def test_the_dashboard_shows_a_page_of_clusters_at_a_time(land: dict[str, Any]) -> None:
    from agencies.views import FIGURES_PAGE_SIZE
    from tests.factories import MembershipFactory

    for _ in range(FIGURES_PAGE_SIZE):
        cluster = ClusterFactory.create(home_province="33", proposed_by=land["zj"][0][0])
        MembershipFactory.create(cluster=cluster, firm=land["zj"][0][0])
    client = _client(land["officer"])
    url = f"/agencies/{land['agency'].pk}/"
    first = client.get(url).content.decode()
    assert first.count("<tr data-cluster=") == FIGURES_PAGE_SIZE
    assert 'data-testid="agency-clusters-pages"' in first
    second = client.get(url, {"page": 2}).content.decode()
    assert second.count("<tr data-cluster=") == 2  # the land's own two clusters in Zhejiang


def test_the_dashboard_shows_the_activity_the_hourly_refresh_stored_and_counts_clusters_it_has_not_seen(
    land: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    from agencies.models import ClusterActivity
    from knowledge.models import UseEvent
    from tests.knowledge.factories import make_asset

    (f1, o1), (f2, _o2), _third = land["zj"]
    asset = make_asset(firm=f1, by=o1)
    make_asset(firm=f2, by=_o2, publish=False)  # a draft is not shared
    now = timezone.now()
    for days, kind in ((1, "view"), (2, "download"), (400, "view")):  # the last is older than 12 months
        when = now - timedelta(days=days)
        UseEvent.objects.create(firm=f2, asset=asset, kind=kind, occurred_at=when, day=timezone.localdate(when))
    agency, a = land["agency"], land["a"]

    live = {row["cluster"].pk: row for row in selectors.cluster_figures(agency=agency)}
    assert (live[a.pk]["assets"], live[a.pk]["uses_12m"], live[a.pk]["activity_as_of"]) == (1, 2, None)

    assert services.cluster_activity_refresh(now=now) >= 3
    assert ClusterActivity.objects.get(cluster=a).uses_12m == 2
    make_asset(firm=f2, by=_o2)  # shared after the refresh: shown from the next one
    with django_assert_max_num_queries(8):
        stored = {row["cluster"].pk: row for row in selectors.cluster_figures(agency=agency)}
    assert (stored[a.pk]["assets"], stored[a.pk]["uses_12m"], stored[a.pk]["activity_as_of"]) == (1, 2, now)
    # k-anonymity holds for stored figures too: the small cluster's stay hidden
    assert stored[land["small"].pk]["assets"] is None
    assert stored[land["small"].pk]["uses_12m"] is None
    body = _client(land["officer"]).get(f"/agencies/{agency.pk}/").content.decode()
    assert 'data-testid="activity-as-of"' in body
    assert "counted again every hour" in body

    services.cluster_activity_refresh()
    assert {row["cluster"].pk: row for row in selectors.cluster_figures(agency=agency)}[a.pk]["assets"] == 2
    # a cluster made after the refresh is counted on the page until the next one
    late = ClusterFactory.create(home_province="33", proposed_by=f1)
    from tests.factories import MembershipFactory

    for firm, _owner in land["zj"]:
        MembershipFactory.create(cluster=late, firm=firm)
    row = {r["cluster"].pk: r for r in selectors.cluster_figures(agency=agency)}[late.pk]
    assert (row["assets"], row["uses_12m"], row["activity_as_of"]) == (2, 2, None)
    schedule = settings.CELERY_BEAT_SCHEDULE["agencies-cluster-activity"]
    assert schedule["task"] == "agencies.tasks.refresh_cluster_activity"


def test_guidance_whose_attachment_meets_a_failing_store_is_refused_clearly_and_nothing_is_kept(
    land: dict[str, Any], settings: Any, tmp_path: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from agencies.models import Guidance
    from platform_.outage import FileStoreUnavailable

    (tmp_path / "blocker").write_text("not a directory")
    settings.MEDIA_ROOT = tmp_path / "blocker" / "media"  # every write of the store fails
    with pytest.raises(FileStoreUnavailable):
        services.guidance_publish(
            agency=land["agency"], by=land["officer"], kind="policy", title="补贴", body="…",
            valid_from=date(2026, 1, 1), attachments=[SimpleUploadedFile("rules.txt", b"the rules")],
        )  # fmt: skip
    assert not Guidance.objects.exists()
    assert sorted(path.name for path in tmp_path.rglob("*")) == ["blocker"]
