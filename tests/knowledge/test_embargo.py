"""Embargoes hide content (not the description) on every surface; grants end on their date, with a reminder."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from knowledge import embargo, owner_requests, services
from knowledge.models import AccessLevel, Asset, GrantKind, GrantTerm
from platform_.audit.models import AuditEntry
from platform_.errors import DomainError, NotAllowed
from platform_.notifications.models import Notification
from tests.factories import firm_with_owner
from tests.knowledge.factories import make_asset, png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def embargoed() -> Asset:
    asset = make_asset(
        title_en="Dye bath recipe",
        summary_en="How we cut dye use by a fifth",
        body="Add the mordant at 80 degrees with a slow spindle",
    )
    services.version_add(
        asset=asset,
        by=asset.created_by,
        uploaded_file=SimpleUploadedFile("bath.png", png_bytes(), content_type="image/png"),
    )
    return embargo.asset_embargo_set(asset=asset, by=asset.created_by, until=timezone.now() + timedelta(days=30))


def test_the_page_shows_the_description_but_not_the_content(client, embargoed) -> None:
    page = client.get(embargoed.get_absolute_url()).content.decode()
    assert "How we cut dye use by a fifth" in page
    assert "mordant" not in page
    assert "bath.png" not in page
    assert 'data-testid="embargo"' in page


def test_the_api_gives_the_description_without_body_or_files(client, embargoed) -> None:
    data = client.get(reverse("v1:asset-detail", args=[embargoed.pk])).json()
    assert data["summary_en"] == "How we cut dye use by a fifth"
    assert data["body"] == ""
    assert data["versions"] == []
    assert data["embargo_until"]


def test_search_neither_matches_nor_quotes_the_content(client, embargoed) -> None:
    assert client.get(reverse("v1:asset-list"), {"q": "mordant"}).json()["count"] == 0
    [row] = client.get(reverse("v1:asset-list"), {"q": "dye"}).json()["results"]
    assert "mordant" not in row["snippet"]
    assert "mordant" not in client.get(reverse("knowledge:index"), {"q": "dye"}).content.decode()


def test_downloads_and_previews_are_refused(client, embargoed) -> None:
    _firm, reader = firm_with_owner()
    client.force_login(reader)
    assert client.get(reverse("knowledge:download", args=[embargoed.pk, 1])).status_code == 404
    assert client.get(reverse("knowledge:preview", args=[embargoed.pk, 1])).status_code == 404
    assert client.get(reverse("v1:asset-version-download", args=[embargoed.pk, 1])).status_code == 404


def test_the_owners_still_see_and_download_the_content(client, embargoed) -> None:
    client.force_login(embargoed.created_by)
    assert "mordant" in client.get(embargoed.get_absolute_url()).content.decode()
    assert client.get(reverse("knowledge:download", args=[embargoed.pk, 1])).status_code == 200


def test_when_the_embargo_passes_the_sweep_opens_the_content_to_search(client, embargoed) -> None:
    Asset.objects.filter(pk=embargoed.pk).update(embargo_until=timezone.now() - timedelta(minutes=1))
    assert embargo.grant_terms_sweep()["embargoes_lifted"] == 1
    assert client.get(reverse("v1:asset-list"), {"q": "mordant"}).json()["count"] == 1
    assert client.get(reverse("knowledge:download", args=[embargoed.pk, 1])).status_code == 200
    assert AuditEntry.objects.filter(action="asset.embargo_ended", target_id=str(embargoed.pk)).exists()


def test_only_the_owners_set_an_embargo_and_only_into_the_future() -> None:
    asset = make_asset()
    _firm, stranger = firm_with_owner()
    with pytest.raises(NotAllowed):
        embargo.asset_embargo_set(asset=asset, by=stranger, until=timezone.now() + timedelta(days=1))
    with pytest.raises(DomainError):
        embargo.asset_embargo_set(asset=asset, by=asset.created_by, until=timezone.now() - timedelta(days=1))


def test_the_owner_sets_an_embargo_from_the_page_and_the_api(client) -> None:
    asset = make_asset()
    client.force_login(asset.created_by)
    day = (timezone.localdate() + timedelta(days=10)).isoformat()
    assert client.post(reverse("knowledge:embargo", args=[asset.pk]), {"until": day}).status_code == 302
    asset.refresh_from_db()
    assert asset.embargo_until is not None
    lifted = client.post(reverse("v1:asset-embargo", args=[asset.pk]), {"until": None}, content_type="application/json")
    assert lifted.status_code == 200
    assert lifted.json()["embargo_until"] is None


# Expiring grants ---------------------------------------------------------------------------------------


@pytest.fixture
def granted() -> dict[str, Any]:
    owner_firm, owner = firm_with_owner()
    asset = make_asset(firm=owner_firm, by=owner, access_level=AccessLevel.FIRMS, access_firms=[owner_firm])
    reader_firm, reader = firm_with_owner()
    request = owner_requests.access_request_create(asset=asset, by=reader, firm=reader_firm)
    owner_requests.access_request_decide(
        request=request, by=owner, grant=True, ends_on=timezone.localdate() + timedelta(days=3)
    )
    return {"asset": asset, "reader": (reader_firm, reader), "owner": owner}


def test_a_grant_with_an_end_date_opens_the_asset_until_then(client, granted) -> None:
    _firm, reader = granted["reader"]
    client.force_login(reader)
    assert client.get(granted["asset"].get_absolute_url()).status_code == 200
    term = GrantTerm.objects.get(asset=granted["asset"])
    assert term.kind == GrantKind.ACCESS
    assert term.ends_at > timezone.now() + timedelta(days=3)


def test_the_firms_are_reminded_once_before_the_end(granted) -> None:
    assert embargo.grant_terms_sweep()["reminded"] == 1
    assert embargo.grant_terms_sweep()["reminded"] == 0
    _firm, reader = granted["reader"]
    assert Notification.objects.filter(recipient=reader, kind="knowledge.grant_ending").count() == 1
    assert Notification.objects.filter(recipient=granted["owner"], kind="knowledge.grant_ending").count() == 1


def test_an_ended_grant_closes_at_once_and_the_sweep_records_it(client, granted) -> None:
    firm, reader = granted["reader"]
    GrantTerm.objects.update(ends_at=timezone.now() - timedelta(minutes=1))
    client.force_login(reader)
    assert client.get(granted["asset"].get_absolute_url()).status_code in (403, 404)  # before any sweep
    assert embargo.grant_terms_sweep()["ended"] == 1
    assert not granted["asset"].access_firms.filter(pk=firm.pk).exists()
    assert AuditEntry.objects.filter(action="grant.access.ended", firm_id=firm.pk).exists()
    assert Notification.objects.filter(recipient=reader, kind="knowledge.grant_ended").exists()


def test_a_licence_grant_may_end_on_a_date_through_the_api(client) -> None:
    owner_firm, owner = firm_with_owner()
    asset = make_asset(firm=owner_firm, by=owner)
    reader_firm, reader = firm_with_owner()
    request = owner_requests.licence_request_create(asset=asset, by=reader, firm=reader_firm)
    client.force_login(owner)
    ends = (timezone.localdate() + timedelta(days=90)).isoformat()
    response = client.post(
        reverse("v1:licence-request-decide", args=[request.pk]),
        {"grant": True, "ends_on": ends},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert GrantTerm.objects.get(asset=asset, firm=reader_firm).kind == GrantKind.LICENCE


def test_a_grant_cannot_end_in_the_past(client) -> None:
    owner_firm, owner = firm_with_owner()
    asset = make_asset(firm=owner_firm, by=owner)
    reader_firm, reader = firm_with_owner()
    request = owner_requests.licence_request_create(asset=asset, by=reader, firm=reader_firm)
    client.force_login(owner)
    response = client.post(
        reverse("v1:licence-request-decide", args=[request.pk]),
        {"grant": True, "ends_on": "2020-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert not GrantTerm.objects.exists()
