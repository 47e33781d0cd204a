"""The contributors tier: granted and revoked as contributions and the rule change, on every surface."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from clusters.models import ReviewPolicy
from knowledge import services, tiers
from knowledge.models import AccessLevel, Asset, ContributorStanding
from knowledge.webhooks import firms_seeing_asset
from platform_.audit.models import AuditEntry
from platform_.errors import NotAllowed
from platform_.notifications.models import Notification
from tests.factories import ClusterFactory, MembershipFactory, UserFactory, active_member
from tests.knowledge.factories import make_asset, png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def tier(django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    """A cluster that reviews after publishing, with a rule of one shared asset; an owner firm's
    contributors-only asset (with an image, so it has a preview); a member firm that shares nothing yet."""
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.AFTER, moderators=[moderator])
    owner_firm, owner = active_member(cluster)
    member_firm, member = active_member(cluster)
    secret = make_asset(
        firm=owner_firm,
        by=owner,
        title_en="Loom retrofit for contributors",
        summary_en="Shared with those who share",
        body="The spindle tension trick",
        access_level=AccessLevel.CONTRIBUTORS,
        access_clusters=[cluster],
    )
    services.version_add(
        asset=secret, by=owner, uploaded_file=SimpleUploadedFile("plan.png", png_bytes(), content_type="image/png")
    )
    with django_capture_on_commit_callbacks(execute=True):
        tiers.contributor_rule_set(cluster=cluster, by=moderator, min_assets=1)
    return {
        "cluster": cluster,
        "moderator": moderator,
        "secret": secret,
        "owner": (owner_firm, owner),
        "member": (member_firm, member),
    }


def _share(firm: Any, person: Any, capture: Any, title: str = "Our dyeing notes") -> Asset:
    with capture(execute=True):
        return services.asset_create(by=person, firm=firm, title_en=title, submit=True)


def _sees_everywhere(client: Any, person: Any, asset: Asset) -> dict[str, bool]:
    client.force_login(person)
    page = client.get(asset.get_absolute_url()).status_code == 200
    api = client.get(reverse("v1:asset-detail", args=[asset.pk])).status_code == 200
    search_page = "Loom retrofit" in client.get(reverse("knowledge:index"), {"q": "spindle"}).content.decode()
    found = client.get(reverse("v1:asset-list"), {"q": "spindle"}).json()["results"]
    search_api = any(row["id"] == asset.pk and "spindle" in row["snippet"] for row in found)
    download = client.get(reverse("knowledge:download", args=[asset.pk, 1])).status_code == 200
    api_download = client.get(reverse("v1:asset-version-download", args=[asset.pk, 1])).status_code == 200
    preview = client.get(reverse("knowledge:preview", args=[asset.pk, 1])).status_code == 200
    firm_id = person.firm_memberships.first().firm_id
    webhook = firm_id in firms_seeing_asset(asset_id=asset.pk, firm_ids=[firm_id])
    return {
        "page": page,
        "api": api,
        "search_page": search_page,
        "search_api": search_api,
        "download": download,
        "api_download": api_download,
        "preview": preview,
        "webhook": webhook,
    }


def test_a_member_who_shares_nothing_sees_no_contributors_asset_on_any_surface(client, tier) -> None:
    _firm, member = tier["member"]
    assert not any(_sees_everywhere(client, member, tier["secret"]).values())


def test_sharing_one_asset_opens_the_tier_on_every_surface(client, tier, django_capture_on_commit_callbacks) -> None:
    firm, member = tier["member"]
    _share(firm, member, django_capture_on_commit_callbacks)
    standing = ContributorStanding.objects.get(cluster=tier["cluster"], firm=firm)
    assert standing.eligible
    assert standing.assets_shared == 1
    assert all(_sees_everywhere(client, member, tier["secret"]).values())


def test_a_take_down_of_the_only_shared_asset_closes_the_tier_again(
    client, tier, django_capture_on_commit_callbacks
) -> None:
    firm, member = tier["member"]
    shared = _share(firm, member, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.asset_moderate(asset=shared, by=tier["moderator"], decision="take_down", reason="Copied")
    assert not ContributorStanding.objects.get(cluster=tier["cluster"], firm=firm).eligible
    assert not any(_sees_everywhere(client, member, tier["secret"]).values())


def test_raising_the_rule_revokes_and_the_next_asset_grants_again(tier, django_capture_on_commit_callbacks) -> None:
    firm, member = tier["member"]
    _share(firm, member, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        tiers.contributor_rule_set(cluster=tier["cluster"], by=tier["moderator"], min_assets=2)
    assert not ContributorStanding.objects.get(cluster=tier["cluster"], firm=firm).eligible
    [progress] = tiers.contributor_progress(firm=firm)
    assert progress.assets_missing == 1
    with translation.override("en"):
        assert progress.next_step == "1 more shared asset opens the contributors tier."
    _share(firm, member, django_capture_on_commit_callbacks, title="Second notes")
    assert ContributorStanding.objects.get(cluster=tier["cluster"], firm=firm).eligible


def test_every_grant_and_loss_is_audited_and_told_to_the_firm(tier, django_capture_on_commit_callbacks) -> None:
    firm, member = tier["member"]
    _share(firm, member, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        tiers.contributor_rule_set(cluster=tier["cluster"], by=tier["moderator"], min_assets=3)
    actions = list(
        AuditEntry.objects.filter(firm_id=firm.pk, action__startswith="contributor.").values_list("action", flat=True)
    )
    assert sorted(actions) == ["contributor.granted", "contributor.revoked"]
    kinds = Notification.objects.filter(recipient=member, kind="knowledge.contributor").values_list("data", flat=True)
    assert sorted(d["eligible"] for d in kinds) == [False, True]


def test_assets_older_than_the_window_do_not_count(tier, django_capture_on_commit_callbacks) -> None:
    firm, member = tier["member"]
    shared = _share(firm, member, django_capture_on_commit_callbacks)
    Asset.objects.filter(pk=shared.pk).update(published_at=timezone.now() - timedelta(days=400))
    tiers.contributors_recompute()
    assert not ContributorStanding.objects.get(cluster=tier["cluster"], firm=firm).eligible


def test_measured_outflow_can_open_the_tier(tier, django_capture_on_commit_callbacks) -> None:
    firm, _member = tier["member"]
    tiers.contributor_rule_set(cluster=tier["cluster"], by=tier["moderator"], min_assets=0, min_outflow=5.0)

    def source(firm_ids: list[int]) -> dict[int, float]:
        return {firm.pk: 7.5} if firm.pk in firm_ids else {}

    tiers.outflow_source_register(source)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            from platform_.events import publish

            publish("spillover.run.completed", run_id=1)
    finally:
        tiers._outflow_sources.remove(source)
    standing = ContributorStanding.objects.get(cluster=tier["cluster"], firm=firm)
    assert standing.eligible
    assert standing.outflow == 7.5


def test_a_firm_that_leaves_the_cluster_loses_the_tier_at_once(
    client, tier, django_capture_on_commit_callbacks
) -> None:
    firm, member = tier["member"]
    _share(firm, member, django_capture_on_commit_callbacks)
    firm.cluster_memberships.update(status="left")
    assert not _sees_everywhere(client, member, tier["secret"])["page"]


def test_only_the_clusters_moderators_set_its_rule(tier) -> None:
    _firm, member = tier["member"]
    with pytest.raises(NotAllowed):
        tiers.contributor_rule_set(cluster=tier["cluster"], by=member, min_assets=0)


def test_members_see_the_rule_and_their_progress_on_the_page_and_the_api(client, tier) -> None:
    _firm, member = tier["member"]
    client.force_login(member)
    page = client.get(reverse("knowledge:contributors")).content.decode()
    assert "再共享 1 项资产即可开启贡献者层级。" in page  # the default language is Chinese
    [row] = client.get(reverse("v1:contributor-progress")).json()
    assert row["min_assets"] == 1
    assert row["assets_shared"] == 0
    assert row["eligible"] is False


def test_a_moderator_sets_the_rule_from_the_page(client, tier) -> None:
    client.force_login(tier["moderator"])
    prefix = f"c{tier['cluster'].pk}"
    response = client.post(
        reverse("knowledge:contributor-rule", args=[tier["cluster"].pk]),
        {f"{prefix}-min_assets": "4", f"{prefix}-window_days": "180", f"{prefix}-min_outflow": "0"},
    )
    assert response.status_code == 302
    tier["cluster"].contributor_rule.refresh_from_db()
    assert (tier["cluster"].contributor_rule.min_assets, tier["cluster"].contributor_rule.window_days) == (4, 180)


def test_the_contributors_page_queries_do_not_grow_with_clusters(client, django_assert_max_num_queries) -> None:
    moderator = UserFactory.create()
    first = ClusterFactory.create(moderators=[moderator])
    firm, member = active_member(first)
    tiers.contributor_rule_set(cluster=first, by=moderator, min_assets=1)
    for n in range(3):
        cluster = ClusterFactory.create(moderators=[moderator])
        MembershipFactory.create(cluster=cluster, firm=firm)
        tiers.contributor_rule_set(cluster=cluster, by=moderator, min_assets=n + 2)
    client.force_login(member)
    with django_assert_max_num_queries(9):
        assert client.get(reverse("knowledge:contributors")).status_code == 200


def test_a_contributors_asset_must_name_the_firms_own_clusters(client, tier) -> None:
    _firm, member = tier["member"]
    client.force_login(member)
    response = client.post(
        reverse("v1:asset-list"),
        {"title_en": "For contributors", "access_level": "contributors"},
        content_type="application/json",
    )
    assert response.status_code == 400
    other = ClusterFactory.create()
    response = client.post(
        reverse("v1:asset-list"),
        {"title_en": "For contributors", "access_level": "contributors", "access_clusters": [other.pk]},
        content_type="application/json",
    )
    assert response.status_code == 403
