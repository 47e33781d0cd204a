"""Fair moderation: owners see a take-down and its reason, appeal once, someone else decides, a restore
brings the whole history back; new versions in review-first clusters wait; moderators see report reasons."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clusters.models import ReviewPolicy
from knowledge import moderation, services
from knowledge.models import AppealStatus, Asset, AssetStatus, Decision, ModerationDecision, UseEvent
from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, NotAllowed
from platform_.notifications.models import Notification
from tests.factories import ClusterFactory, UserFactory, active_member, firm_with_owner
from tests.knowledge.factories import make_asset

pytestmark = pytest.mark.django_db


def _file(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/plain")


@pytest.fixture
def down() -> dict[str, Any]:
    """A published asset in a cluster with two moderators, with a file, a citation and a use; the first
    moderator takes it down."""
    first, second = UserFactory.create(), UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.AFTER, moderators=[first, second])
    firm, owner = active_member(cluster)
    asset = make_asset(firm=firm, by=owner, title_en="Warp sizing guide")
    asset.review_clusters.set([cluster])
    services.version_add(asset=asset, by=owner, uploaded_file=_file("guide.txt", "sizing"))
    reader_firm, reader = firm_with_owner()
    citing = make_asset(firm=reader_firm, by=reader, title_en="Our sizing")
    services.asset_cite(citing=citing, cited=asset, by=reader, firm=reader_firm)
    services.use_record(firm=reader_firm, user=reader, asset=asset, kind="download")
    published_at = Asset.objects.get(pk=asset.pk).published_at
    services.asset_moderate(asset=asset, by=first, decision=Decision.TAKE_DOWN, reason="Looks copied from a manual")
    return {
        "asset": asset,
        "owner": owner,
        "first": first,
        "second": second,
        "reader": reader,
        "published_at": published_at,
    }


def test_the_owner_sees_the_take_down_and_its_reason(client, down) -> None:
    client.force_login(down["owner"])
    page = client.get(down["asset"].get_absolute_url()).content.decode()
    assert "Looks copied from a manual" in page
    assert 'data-testid="appeal-submit"' in page


def test_others_do_not_see_a_taken_down_asset(client, down) -> None:
    client.force_login(down["reader"])
    assert client.get(down["asset"].get_absolute_url()).status_code == 404
    assert client.get(reverse("v1:asset-detail", args=[down["asset"].pk])).status_code == 404


def test_the_owner_appeals_once(down) -> None:
    moderation.appeal_file(asset=down["asset"], by=down["owner"], statement="We wrote it ourselves in 2019")
    with pytest.raises(Conflict):
        moderation.appeal_file(asset=down["asset"], by=down["owner"], statement="Again")


def test_nobody_but_the_owners_appeals(down) -> None:
    with pytest.raises(NotAllowed):
        moderation.appeal_file(asset=down["asset"], by=down["reader"], statement="Not mine")


def test_the_moderator_who_took_it_down_cannot_decide_the_appeal(down) -> None:
    appeal = moderation.appeal_file(asset=down["asset"], by=down["owner"], statement="Ours")
    with pytest.raises(NotAllowed) as refused:
        moderation.appeal_decide(appeal=appeal, by=down["first"], restore=True, reason="I changed my mind")
    assert refused.value.code == "same_decider"
    assert moderation.appeals_to_decide(user=down["first"]) == []
    assert moderation.appeals_to_decide(user=down["second"]) == [appeal]
    assert Asset.objects.get(pk=down["asset"].pk).status == AssetStatus.TAKEN_DOWN


def test_even_an_administrator_who_took_it_down_does_not_decide_its_appeal() -> None:
    admin = UserFactory.create(is_staff=True)
    asset = make_asset()
    services.asset_moderate(asset=asset, by=admin, decision=Decision.TAKE_DOWN, reason="Spam")
    appeal = moderation.appeal_file(asset=asset, by=asset.created_by, statement="Not spam")
    with pytest.raises(NotAllowed):
        moderation.appeal_decide(appeal=appeal, by=admin, restore=True, reason="ok")
    other_admin = UserFactory.create(is_staff=True)
    moderation.appeal_decide(appeal=appeal, by=other_admin, restore=True, reason="Not spam indeed")
    assert Asset.objects.get(pk=asset.pk).status == AssetStatus.PUBLISHED


def test_a_restore_brings_the_asset_back_with_its_whole_history(client, down) -> None:
    asset = down["asset"]
    appeal = moderation.appeal_file(asset=asset, by=down["owner"], statement="We wrote it ourselves")
    moderation.appeal_decide(appeal=appeal, by=down["second"], restore=True, reason="Original work, dated drafts")
    asset.refresh_from_db()
    assert asset.status == AssetStatus.PUBLISHED
    assert asset.published_at == down["published_at"]
    assert asset.versions.count() == 1
    assert asset.incoming_links.count() == 1
    assert UseEvent.objects.filter(asset=asset, kind="download").count() == 1
    decisions = list(ModerationDecision.objects.filter(asset=asset).order_by("at").values_list("decision", flat=True))
    assert decisions == [Decision.TAKE_DOWN, Decision.RESTORE]
    assert AuditEntry.objects.filter(action="asset.restore", target_id=str(asset.pk)).exists()
    assert Notification.objects.filter(recipient=down["owner"], kind="knowledge.appeal_decided").exists()
    client.force_login(down["reader"])
    assert client.get(asset.get_absolute_url()).status_code == 200
    assert client.get(reverse("knowledge:download", args=[asset.pk, 1])).status_code == 200


def test_an_upheld_take_down_stays_and_cannot_be_appealed_again(down) -> None:
    appeal = moderation.appeal_file(asset=down["asset"], by=down["owner"], statement="Ours")
    moderation.appeal_decide(appeal=appeal, by=down["second"], restore=False, reason="Same text as the manual")
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.UPHELD
    assert Asset.objects.get(pk=down["asset"].pk).status == AssetStatus.TAKEN_DOWN
    with pytest.raises(Conflict):
        moderation.appeal_file(asset=down["asset"], by=down["owner"], statement="Please")


def test_appeal_and_decision_through_the_api(client, down) -> None:
    client.force_login(down["owner"])
    filed = client.post(
        reverse("v1:asset-appeal", args=[down["asset"].pk]), {"statement": "Ours"}, content_type="application/json"
    )
    assert filed.status_code == 201
    pk = filed.json()["id"]
    client.force_login(down["first"])
    same = client.post(
        reverse("v1:asset-appeal-decide", args=[pk]), {"restore": True, "reason": "ok"}, content_type="application/json"
    )
    assert same.status_code == 403
    client.force_login(down["second"])
    decided = client.post(
        reverse("v1:asset-appeal-decide", args=[pk]), {"restore": True, "reason": "ok"}, content_type="application/json"
    )
    assert decided.status_code == 200
    assert decided.json()["status"] == "restored"


# New versions in review-first clusters -----------------------------------------------------------------


@pytest.fixture
def reviewed_first() -> dict[str, Any]:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.BEFORE, moderators=[moderator])
    firm, owner = active_member(cluster)
    asset = make_asset(firm=firm, by=owner, title_en="Heat setting", uploaded_file=_file("v1.txt", "first edition"))
    asset.review_clusters.set([cluster])
    services.version_add(asset=asset, by=owner, uploaded_file=_file("v2.txt", "zeolite revision"))
    _reader_firm, reader = firm_with_owner()
    return {"asset": asset, "owner": owner, "moderator": moderator, "reader": reader}


def test_a_new_version_waits_while_the_previous_stays_published(client, reviewed_first) -> None:
    asset = reviewed_first["asset"]
    assert [v.review_pending for v in asset.versions.order_by("number")] == [False, True]
    assert Asset.objects.get(pk=asset.pk).status == AssetStatus.PUBLISHED
    client.force_login(reviewed_first["reader"])
    page = client.get(asset.get_absolute_url()).content.decode()
    assert "v1.txt" in page
    assert "v2.txt" not in page
    numbers = [v["number"] for v in client.get(reverse("v1:asset-detail", args=[asset.pk])).json()["versions"]]
    assert numbers == [1]
    assert client.get(reverse("knowledge:download", args=[asset.pk, 2])).status_code == 404
    assert client.get(reverse("v1:asset-list"), {"q": "zeolite"}).json()["count"] == 0


def test_the_moderator_sees_the_waiting_version_in_the_queue_and_approves_it(client, reviewed_first) -> None:
    asset = reviewed_first["asset"]
    client.force_login(reviewed_first["moderator"])
    queue = client.get(reverse("knowledge:moderation")).content.decode()
    assert 'data-testid="version-review"' in queue
    client.post(reverse("knowledge:version-review", args=[asset.pk, 2]), {"approve": "1"})
    client.force_login(reviewed_first["reader"])
    assert "v2.txt" in client.get(asset.get_absolute_url()).content.decode()
    assert client.get(reverse("v1:asset-list"), {"q": "zeolite"}).json()["count"] == 1


def test_a_refused_version_is_removed_and_the_owner_told_why(reviewed_first) -> None:
    asset = reviewed_first["asset"]
    version = asset.versions.get(number=2)
    moderation.version_review(version=version, by=reviewed_first["moderator"], approve=False, reason="Wrong file")
    assert list(asset.versions.values_list("number", flat=True)) == [1]
    note = Notification.objects.get(recipient=reviewed_first["owner"], kind="knowledge.version_reviewed")
    assert note.body == "Wrong file"


def test_in_a_review_after_cluster_a_new_version_is_live_at_once() -> None:
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.AFTER)
    firm, owner = active_member(cluster)
    asset = make_asset(firm=firm, by=owner)
    asset.review_clusters.set([cluster])
    version = services.version_add(asset=asset, by=owner, uploaded_file=_file("v1.txt", "x"))
    assert not version.review_pending


def test_moderators_see_the_reasons_of_reports(client) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.AFTER, moderators=[moderator])
    firm, owner = active_member(cluster)
    asset = make_asset(firm=firm, by=owner)
    asset.review_clusters.set([cluster])
    _reader_firm, reader = firm_with_owner()
    services.report_create(asset=asset, by=reader, firm=_reader_firm, reason="Contains a customer's drawings")
    client.force_login(moderator)
    assert "Contains a customer&#x27;s drawings" in client.get(reverse("knowledge:moderation")).content.decode()
    [item] = client.get(reverse("v1:asset-moderation-queue")).json()
    assert item["reports"][0]["reason"] == "Contains a customer's drawings"


def test_a_waiting_version_is_reviewed_through_the_api(client, reviewed_first) -> None:
    asset = reviewed_first["asset"]
    client.force_login(reviewed_first["owner"])
    own = client.post(
        reverse("v1:asset-version-review", args=[asset.pk, 2]), {"approve": True}, content_type="application/json"
    )
    assert own.status_code == 404
    client.force_login(reviewed_first["moderator"])
    refused = client.post(
        reverse("v1:asset-version-review", args=[asset.pk, 2]), {"approve": False}, content_type="application/json"
    )
    assert refused.status_code == 400  # a refusal needs a reason
    approved = client.post(
        reverse("v1:asset-version-review", args=[asset.pk, 2]), {"approve": True}, content_type="application/json"
    )
    assert approved.status_code == 200
    again = client.post(
        reverse("v1:asset-version-review", args=[asset.pk, 2]), {"approve": True}, content_type="application/json"
    )
    assert again.status_code == 409
