"""Duplicate flags on submission: what is found, who sees it, and the decisions on it.

The rule under test above all: a flag never names, counts or hints at anything the submitter may
not see, whether by its row, its page, its notification or its decision endpoint.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from clusters.models import ReviewPolicy
from knowledge import services
from knowledge.models import AccessLevel, AssetLink, AssetStatus, LinkKind
from platform_.duplicates import services as duplicates
from platform_.duplicates.models import DuplicateFlag, FlagStatus, Method
from platform_.errors import NotAllowed, NotFound
from platform_.notifications.models import Notification
from tests.factories import ClusterFactory, UserFactory, active_member, firm_with_owner
from tests.knowledge.factories import make_asset, text_file

pytestmark = pytest.mark.django_db

TEXT = (
    "本发明涉及一种注塑模具的快速冷却系统，包括随形冷却水道、温度传感器和比例调节阀。"
    "控制器根据型腔温度调节冷却水流量，使制品冷却均匀，缩短成型周期约百分之二十。"
)
NEAR = (
    "本发明涉及一种注塑模具的快速冷却系统，包括随形冷却水道、温度传感器以及比例调节阀。"
    "控制器根据型腔温度调节冷却水的流量，使制品冷却均匀，成型周期缩短约百分之二十。"
)


def _submit(firm: Any, by: Any, capture: Any, **fields: Any) -> Any:
    """An asset created and submitted by a person of the firm, the events after commit run."""
    fields.setdefault("title_zh", "注塑模具冷却")
    with capture(execute=True):
        asset = services.asset_create(by=by, firm=firm, submit=True, **fields)
    return asset


def _flagged(asset: Any) -> set[int]:
    return set(
        DuplicateFlag.objects.filter(kind="knowledge.asset", subject_id=asset.pk).values_list("match_id", flat=True)
    )


def test_similar_text_the_submitter_can_see_is_flagged(django_capture_on_commit_callbacks: Any) -> None:
    public = make_asset(title_zh="公开的冷却系统", summary_zh=TEXT)
    firm, owner = firm_with_owner()
    asset = _submit(firm, owner, django_capture_on_commit_callbacks, summary_zh=NEAR)
    flag = DuplicateFlag.objects.get(kind="knowledge.asset", subject_id=asset.pk)
    assert (flag.match_id, flag.method) == (public.pk, Method.TEXT)
    assert flag.similarity >= duplicates.TEXT_THRESHOLD
    assert Notification.objects.filter(recipient=owner, kind="duplicates.flagged").count() == 1


def test_unrelated_text_is_not_flagged(django_capture_on_commit_callbacks: Any) -> None:
    make_asset(summary_zh="纺织车间的空调系统改造后，车间温湿度波动明显减小，细纱断头率随之下降。")
    firm, owner = firm_with_owner()
    asset = _submit(firm, owner, django_capture_on_commit_callbacks, summary_zh=NEAR)
    assert _flagged(asset) == set()


def test_the_same_file_is_flagged_by_its_hash(django_capture_on_commit_callbacks: Any) -> None:
    content = "完全相同的文件内容 identical".encode()
    public = make_asset(title_zh="一份文件", uploaded_file=text_file("a.txt", content))
    firm, owner = firm_with_owner()
    asset = _submit(firm, owner, django_capture_on_commit_callbacks, uploaded_file=text_file("b.txt", content))
    flag = DuplicateFlag.objects.get(kind="knowledge.asset", subject_id=asset.pk)
    assert (flag.match_id, flag.method, flag.similarity) == (public.pk, Method.FILE, 1.0)


def test_what_the_submitter_may_not_see_is_never_flagged(django_capture_on_commit_callbacks: Any) -> None:
    """A private asset of another firm, one shared with a cluster the submitter is not in, one named for
    another firm, a taken-down one: identical text and file, and not a trace of any of them."""
    content = b"the very same secret file"
    other, other_owner = firm_with_owner()
    outsider_cluster = ClusterFactory.create(asset_review=ReviewPolicy.AFTER)
    hidden = [
        make_asset(
            firm=other,
            by=other_owner,
            summary_zh=TEXT,
            access_level=AccessLevel.PRIVATE,
            uploaded_file=text_file("s.txt", content),
        ),
        make_asset(
            firm=other,
            by=other_owner,
            summary_zh=TEXT,
            access_level=AccessLevel.FIRMS,
            access_firms=[firm_with_owner()[0]],
        ),
    ]
    member, member_owner = active_member(outsider_cluster)
    hidden.append(
        make_asset(
            firm=member,
            by=member_owner,
            summary_zh=TEXT,
            access_level=AccessLevel.CLUSTERS,
            access_clusters=[outsider_cluster],
        )
    )
    taken_down = make_asset(summary_zh=TEXT)
    taken_down.status = AssetStatus.TAKEN_DOWN
    taken_down.save()
    hidden.append(taken_down)

    firm, owner = firm_with_owner()
    asset = _submit(
        firm, owner, django_capture_on_commit_callbacks, summary_zh=NEAR, uploaded_file=text_file("mine.txt", content)
    )
    assert _flagged(asset) == set()
    assert not DuplicateFlag.objects.filter(match_id__in=[h.pk for h in hidden]).exists()
    assert not Notification.objects.filter(recipient=owner, kind="duplicates.flagged").exists()
    response_client = _client_for(owner)
    page = response_client.get(reverse("knowledge:detail", args=[asset.pk])).content.decode()
    assert "duplicate-flags" not in page
    assert "Possible duplicates" not in page
    assert "可能重复" not in page


def test_what_the_submitter_sees_through_a_cluster_is_flagged(django_capture_on_commit_callbacks: Any) -> None:
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.AFTER)
    member, member_owner = active_member(cluster)
    shared = make_asset(
        firm=member,
        by=member_owner,
        title_zh="冷却系统",
        summary_zh=TEXT,
        access_level=AccessLevel.CLUSTERS,
        access_clusters=[cluster],
    )
    firm, owner = active_member(cluster)
    asset = _submit(firm, owner, django_capture_on_commit_callbacks, summary_zh=NEAR)
    assert _flagged(asset) == {shared.pk}


def _client_for(user: Any) -> Any:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def flagged(django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    """A published public asset, and a near copy submitted to a review-before cluster by another firm."""
    original = make_asset(title_zh="原始的冷却系统", summary_zh=TEXT)
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.BEFORE, moderators=[moderator])
    firm, owner = active_member(cluster)
    asset = _submit(
        firm,
        owner,
        django_capture_on_commit_callbacks,
        summary_zh=NEAR,
        access_level=AccessLevel.CLUSTERS,
        access_clusters=[cluster],
    )
    assert asset.status == AssetStatus.PENDING
    flag = DuplicateFlag.objects.get(kind="knowledge.asset", subject_id=asset.pk)
    return {"original": original, "asset": asset, "firm": firm, "owner": owner, "moderator": moderator, "flag": flag}


def test_submitter_and_moderator_see_the_flag_on_the_asset_page(flagged: dict[str, Any]) -> None:
    url = reverse("knowledge:detail", args=[flagged["asset"].pk])
    for person, buttons in ((flagged["owner"], 3), (flagged["moderator"], 1)):
        page = _client_for(person).get(url).content.decode()
        assert 'data-testid="duplicate-flag"' in page
        assert flagged["original"].title in page
        assert page.count('name="action"') == buttons


def test_a_third_party_sees_no_flags_and_may_not_decide(flagged: dict[str, Any]) -> None:
    _firm, stranger = firm_with_owner()
    client = _client_for(stranger)
    assert client.get(reverse("duplicates:flags", args=["knowledge.asset", flagged["asset"].pk])).status_code == 404
    with pytest.raises(NotFound):
        duplicates.flag_decide(flag_id=flagged["flag"].pk, by=stranger, firm=_firm, action="not_duplicate")
    flagged["flag"].refresh_from_db()
    assert flagged["flag"].status == FlagStatus.OPEN


def test_citing_the_match_links_the_assets(flagged: dict[str, Any]) -> None:
    client = _client_for(flagged["owner"])
    response = client.post(reverse("duplicates:decide", args=[flagged["flag"].pk]), {"action": "cite"})
    assert response.status_code == 302
    flagged["flag"].refresh_from_db()
    assert flagged["flag"].status == FlagStatus.CITED
    assert AssetLink.objects.filter(citing=flagged["asset"], cited=flagged["original"], kind=LinkKind.CITATION).exists()


def test_linking_as_a_new_version_records_a_derivation(flagged: dict[str, Any]) -> None:
    duplicates.flag_decide(flag_id=flagged["flag"].pk, by=flagged["owner"], firm=flagged["firm"], action="new_version")
    assert AssetLink.objects.filter(
        citing=flagged["asset"], cited=flagged["original"], kind=LinkKind.DERIVATION
    ).exists()


def test_a_moderator_may_only_say_it_is_not_a_duplicate(flagged: dict[str, Any]) -> None:
    with pytest.raises(NotAllowed):
        duplicates.flag_decide(flag_id=flagged["flag"].pk, by=flagged["moderator"], firm=None, action="cite")
    flag = duplicates.flag_decide(
        flag_id=flagged["flag"].pk, by=flagged["moderator"], firm=None, action="not_duplicate"
    )
    assert flag.status == FlagStatus.NOT_DUPLICATE
    assert flag.decided_by == flagged["moderator"]
    assert not AssetLink.objects.filter(citing=flagged["asset"]).exists()


def test_a_match_hidden_since_the_flag_is_no_longer_shown(flagged: dict[str, Any]) -> None:
    original = flagged["original"]
    original.status = AssetStatus.TAKEN_DOWN
    original.save()
    page = _client_for(flagged["owner"]).get(reverse("knowledge:detail", args=[flagged["asset"].pk])).content.decode()
    assert original.title not in page
    with pytest.raises(NotFound):
        duplicates.flag_decide(flag_id=flagged["flag"].pk, by=flagged["owner"], firm=flagged["firm"], action="cite")


def test_detection_runs_twice_without_a_second_flag(flagged: dict[str, Any]) -> None:
    again = duplicates.duplicates_detect(
        kind="knowledge.asset", subject_id=flagged["asset"].pk, by=flagged["owner"], firm=flagged["firm"]
    )
    assert again == []
    assert DuplicateFlag.objects.filter(subject_id=flagged["asset"].pk).count() == 1


def test_an_unknown_action_is_refused_as_bad_input(flagged: dict[str, Any]) -> None:
    client = _client_for(flagged["owner"])
    response = client.post(reverse("duplicates:decide", args=[flagged["flag"].pk]), {"action": "delete"})
    assert response.status_code == 302  # back with the message, never a 500
    flagged["flag"].refresh_from_db()
    assert flagged["flag"].status == FlagStatus.OPEN


def test_a_moderator_never_sees_a_match_only_the_submitter_may_see(django_capture_on_commit_callbacks: Any) -> None:
    """The submitter's own private asset is a fair match for them, and invisible to the moderator."""
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.BEFORE, moderators=[moderator])
    firm, owner = active_member(cluster)
    private = make_asset(
        firm=firm, by=owner, title_zh="注塑模具冷却笔记", title_en="", summary_zh=TEXT, access_level=AccessLevel.PRIVATE
    )
    asset = _submit(
        firm,
        owner,
        django_capture_on_commit_callbacks,
        summary_zh=NEAR,
        access_level=AccessLevel.CLUSTERS,
        access_clusters=[cluster],
    )
    assert _flagged(asset) == {private.pk}
    url = reverse("knowledge:detail", args=[asset.pk])
    assert private.title in _client_for(owner).get(url).content.decode()
    page = _client_for(moderator).get(url).content.decode()
    assert private.title not in page
    assert 'data-testid="duplicate-flag"' not in page
    flags_page = _client_for(moderator).get(reverse("duplicates:flags", args=["knowledge.asset", asset.pk]))
    assert flags_page.status_code == 200
    assert private.title not in flags_page.content.decode()
    flag = DuplicateFlag.objects.get(subject_id=asset.pk)
    with pytest.raises(NotFound):
        duplicates.flag_decide(flag_id=flag.pk, by=moderator, firm=None, action="not_duplicate")
