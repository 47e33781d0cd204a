"""Pages: sharing with a file, the moderation queue, requests, statistics; cost per page does not grow."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clusters.models import ReviewPolicy
from knowledge import services
from knowledge.models import Asset, AssetStatus, UseEvent
from tests.factories import ClusterFactory, UserFactory, active_member, firm_with_owner
from tests.knowledge.factories import make_asset, pdf_bytes

pytestmark = pytest.mark.django_db


def test_firm_shares_a_document_with_a_file_and_it_waits_for_review(client) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.BEFORE, moderators=[moderator])
    _firm, owner = active_member(cluster)
    client.force_login(owner)
    response = client.post(
        reverse("knowledge:create"),
        {
            "kind": "document",
            "title_zh": "纺织机械保养",
            "licence": "cc_by",
            "access_level": "clusters",
            "access_clusters": [cluster.pk],
            "tags": "保养, looms",
            "submit": "1",
            "file": SimpleUploadedFile("guide.pdf", pdf_bytes("Lubricate the heald frames")),
        },
    )
    asset = Asset.objects.get()
    assert response.status_code == 302
    assert asset.status == AssetStatus.PENDING
    assert asset.versions.get().content_type == "application/pdf"
    client.force_login(moderator)
    assert "纺织机械保养" in client.get(reverse("knowledge:moderation")).content.decode()


def test_a_refused_file_is_a_form_error_and_nothing_is_created(client) -> None:
    _firm, owner = firm_with_owner()
    client.force_login(owner)
    response = client.post(
        reverse("knowledge:create"),
        {
            "kind": "document",
            "title_en": "Bad",
            "licence": "cc_by",
            "access_level": "public",
            "file": SimpleUploadedFile("evil.pdf", b"MZ\x90\x00" + b"\x00" * 100),
        },
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Asset.objects.exists()


def test_moderator_approves_from_the_queue(client) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.BEFORE, moderators=[moderator])
    firm, owner = active_member(cluster)
    asset = make_asset(firm=firm, by=owner, publish=False, access_level="clusters", access_clusters=[cluster])
    services.asset_submit(asset=asset, by=owner)
    client.force_login(moderator)
    client.post(reverse("knowledge:moderate", args=[asset.pk]), {"decision": "approve", "reason": "Fine"})
    asset.refresh_from_db()
    assert asset.status == AssetStatus.PUBLISHED


def test_others_cannot_moderate(client) -> None:
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.BEFORE)
    firm, owner = active_member(cluster)
    asset = make_asset(firm=firm, by=owner, publish=False, access_level="clusters", access_clusters=[cluster])
    services.asset_submit(asset=asset, by=owner)
    client.force_login(owner)
    response = client.post(reverse("knowledge:moderate", args=[asset.pk]), {"decision": "approve", "reason": "Me"})
    assert response.status_code == 404
    asset.refresh_from_db()
    assert asset.status == AssetStatus.PENDING


def test_viewing_records_a_view_and_owner_sees_statistics(client) -> None:
    asset = make_asset()
    _firm, visitor = firm_with_owner()
    client.force_login(visitor)
    client.get(asset.get_absolute_url())
    assert UseEvent.objects.filter(asset=asset, kind="view").count() == 1
    client.force_login(asset.created_by)
    response = client.get(asset.get_absolute_url())
    assert response.context["stats"]["by_kind"] == {"view": 1}


def test_restricted_asset_offers_an_access_request(client) -> None:
    cluster = ClusterFactory.create()
    firm, owner = active_member(cluster)
    asset = make_asset(firm=firm, by=owner, access_level="clusters", access_clusters=[cluster])
    _other, visitor = firm_with_owner()
    client.force_login(visitor)
    response = client.get(asset.get_absolute_url())
    assert response.status_code == 403
    assert asset.title not in response.content.decode()
    client.post(reverse("knowledge:access-request", args=[asset.pk]), {"message": "Joint project"})
    assert asset.accessrequests.get().status == "pending"
    client.force_login(owner)
    request = asset.accessrequests.get()
    client.post(reverse("knowledge:request-decide", args=["access", request.pk]), {"grant": "1"})
    client.force_login(visitor)
    assert client.get(asset.get_absolute_url()).status_code == 200


def test_licence_request_from_the_page(client) -> None:
    asset = make_asset()
    _firm, visitor = firm_with_owner()
    client.force_login(visitor)
    client.post(reverse("knowledge:licence-request", args=[asset.pk]), {"message": "May we?"})
    assert asset.licencerequests.get().message == "May we?"


def test_search_page_queries_do_not_grow_with_results(client) -> None:
    make_asset(title_en="Bobbin winder 0")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("knowledge:index"), {"q": "bobbin"}).status_code == 200
        return len(queries)

    count()  # the first search of a process also reads the category names it then keeps
    # Process caches with a lifetime (the reputation ledger, cross-lingual groups) may reload once in
    # any call: the fewer of two calls is the page's own count (eight assets instead of one would add
    # at least seven queries to both calls if the page had an N+1).
    few = min(count(), count())
    for n in range(1, 8):
        make_asset(title_en=f"Bobbin winder {n}")
    assert min(count(), count()) == few


def test_taken_down_asset_is_gone_from_downloads_and_shows_only_to_its_owners_with_the_reason(client) -> None:
    asset = make_asset()
    services.version_add(asset=asset, by=asset.created_by, uploaded_file=SimpleUploadedFile("a.txt", b"x"))
    services.asset_moderate(
        asset=asset, by=UserFactory.create(is_staff=True), decision="take_down", reason="Infringes a patent"
    )
    _other, stranger = firm_with_owner()
    for person in (None, stranger):
        if person:
            client.force_login(person)
        assert client.get(asset.get_absolute_url()).status_code == 404
        assert client.get(reverse("knowledge:download", args=[asset.pk, 1])).status_code == 404
    client.force_login(asset.created_by)
    page = client.get(asset.get_absolute_url())
    assert page.status_code == 200
    assert "Infringes a patent" in page.content.decode()
    assert client.get(reverse("knowledge:download", args=[asset.pk, 1])).status_code == 404


def test_markdown_body_is_sanitised(client) -> None:
    asset = make_asset(body="**bold** <script>alert(1)</script> [x](javascript:alert(1))")
    html = client.get(asset.get_absolute_url()).content.decode()
    assert "<strong>bold</strong>" in html
    assert "<script>alert(1)" not in html
    assert "javascript:" not in html
