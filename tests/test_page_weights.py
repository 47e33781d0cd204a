"""Pages stay light however large the cluster: a thousand member firms, seeded in bulk, and the pages that
list or chart them stay under 100 KB."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusters.models import ClusterMembership, MembershipStatus
from knowledge.models import Asset, AssetOwnership, AssetStatus, UseEvent, UseKind
from observatory.services import open_statistics_refresh
from platform_.identity.models import Firm
from platform_.notifications.models import Notification
from spillover import services as spillover_services
from tests.factories import ClusterFactory, active_member, make_credit_code
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db

LIMIT = 100 * 1024
MEMBERS = 1_000


def firms_bulk(n: int, *, offset: int = 10_000) -> list[Firm]:
    """``n`` firms in one insert (their sectors left empty: no page below needs them)."""
    now = timezone.now()
    return Firm.objects.bulk_create(
        [
            Firm(
                name_zh=f"批量企业{offset + i}",
                name_en=f"Bulk Firm {offset + i}",
                credit_code=make_credit_code(offset + i),
                province=["33", "32", "44", "11"][i % 4],
                city="杭州",
                verification="verified",
                verified_at=now,
            )
            for i in range(n)
        ]
    )


@pytest.fixture
def crowd() -> dict[str, Any]:
    """A cluster of a thousand member firms and one signed-in member, with assets they use among
    themselves, a spillover run over them, and open statistics."""
    cluster = ClusterFactory.create(home_province="33")
    firm, owner = active_member(cluster)
    firms = firms_bulk(MEMBERS - 1)
    now = timezone.now()
    ClusterMembership.objects.bulk_create(
        [ClusterMembership(cluster=cluster, firm=f, status=MembershipStatus.ACTIVE, joined_at=now) for f in firms]
    )
    assets = Asset.objects.bulk_create(
        [
            Asset(title_en=f"Bulk asset {i}", status=AssetStatus.PUBLISHED, published_at=now - timedelta(days=90))
            for i in range(200)
        ]
    )
    AssetOwnership.objects.bulk_create([AssetOwnership(asset=a, firm=firms[i * 5]) for i, a in enumerate(assets)])
    days = [now - timedelta(days=d) for d in (3, 10, 30)]
    UseEvent.objects.bulk_create(
        [
            UseEvent(firm=f, asset=assets[(i + j * 7) % 200], kind=UseKind.VIEW, occurred_at=at, day=at.date())
            for i, f in enumerate(firms)
            for j, at in enumerate(days)
        ],
        ignore_conflicts=True,
    )
    for index in range(60):
        ProjectFactory.create(sponsor=firms[index], status="open", title=f"Bulk challenge {index}")
    Notification.objects.bulk_create(
        [Notification(recipient=owner, kind="system", title=f"Note {i}") for i in range(300)]
    )
    spillover_services.run_compute(run_id=spillover_services.run_start(as_of=now).pk)
    open_statistics_refresh(k=3)
    client = Client(headers={"accept-language": "en"})
    client.force_login(owner)
    session = client.session
    session["current_firm_id"] = firm.pk
    session.save()
    return {"cluster": cluster, "client": client}


def test_pages_that_list_or_chart_a_thousand_members_stay_under_100_kb(crowd: dict[str, Any]) -> None:
    cluster, client = crowd["cluster"], crowd["client"]
    urls = {
        "cluster spillover": reverse("spillover:cluster", args=[cluster.pk]),
        "cluster": cluster.get_absolute_url(),
        "cluster members, page 2": cluster.get_absolute_url() + "?members_page=2",
        "clusters": reverse("clusters:index"),
        "projects": reverse("projects:index"),
        "notifications": reverse("notifications:index"),
        "knowledge": reverse("knowledge:index"),
        "spillover": reverse("spillover:index"),
        "observatory": reverse("observatory:index"),
        "observatory province": reverse("observatory:province", args=["33"]),
        "observatory clusters": reverse("observatory:clusters"),
        "belts": reverse("belts:index"),
    }
    weights = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        weights[name] = len(response.content)
    heavy = {name: size for name, size in weights.items() if size > LIMIT}
    assert heavy == {}, weights


def test_the_projects_list_is_paged(crowd: dict[str, Any]) -> None:
    from projects.views import PAGE_SIZE

    client = crowd["client"]
    first = client.get(reverse("projects:index")).content.decode()
    rows = first.split('data-testid="project-list"', 1)[1].split("</table>", 1)[0].count("<tr>") - 1
    assert rows == PAGE_SIZE
    assert 'data-testid="project-pages"' in first
    last = client.get(reverse("projects:index"), {"page": 3}).content.decode()
    assert "Bulk challenge 0<" in last  # the oldest, on the last page
