"""The export pages: only owners and administrators request, poll and download; the download is an
attachment that is not sniffed, refused with 410 once the export has expired."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from platform_.audit.models import AuditEntry
from platform_.identity.models import FirmRole
from portability import services
from portability.models import DataExport
from tests.factories import firm_with_owner, person_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


@pytest.fixture
def firm_export():
    firm, owner = firm_with_owner(name_en="Export Firm")
    export = services.export_request(firm=firm, by=owner)
    return firm, owner, services.export_build(export_id=export.pk)


def test_owner_requests_an_export_from_the_page(client):
    firm, owner = firm_with_owner()
    client.force_login(owner)
    page = client.get(reverse("portability:firm", args=[firm.pk]))
    assert page.status_code == 200
    assert b"portability/progress.js" in page.content
    response = client.post(reverse("portability:request", args=[firm.pk]))
    assert response.status_code == 302
    assert DataExport.objects.filter(firm=firm, requested_by=owner).count() == 1


@pytest.mark.parametrize("role", [FirmRole.MEMBER])
def test_a_plain_member_can_neither_request_nor_see_nor_download(client, firm_export, role):
    firm, _owner, export = firm_export
    member = person_in(firm, role)
    client.force_login(member)
    assert client.get(reverse("portability:firm", args=[firm.pk])).status_code == 403
    assert client.post(reverse("portability:request", args=[firm.pk])).status_code == 403
    assert DataExport.objects.filter(firm=firm).count() == 1
    assert client.get(reverse("portability:status", args=[export.pk])).status_code == 404
    assert client.get(reverse("portability:download", args=[export.pk])).status_code == 404


def test_another_firms_owner_cannot_download(client, firm_export):
    _firm, _owner, export = firm_export
    _other, stranger = firm_with_owner()
    client.force_login(stranger)
    assert client.get(reverse("portability:download", args=[export.pk])).status_code == 404
    assert client.get(reverse("portability:status", args=[export.pk])).status_code == 404


def test_an_admin_downloads_an_attachment_that_is_not_sniffed_and_the_download_is_audited(client, firm_export):
    firm, _owner, export = firm_export
    admin = person_in(firm, FirmRole.ADMIN)
    client.force_login(admin)
    response = client.get(reverse("portability:download", args=[export.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert "manifest.json" in archive.namelist()
    assert "firm.json" in archive.namelist()
    assert AuditEntry.objects.filter(action="portability.export_downloaded", actor=admin, firm_id=firm.pk).exists()


def test_the_link_answers_410_after_seven_days_and_404_once_cleaned_up(client, firm_export):
    _firm, owner, export = firm_export
    client.force_login(owner)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(reverse("portability:download", args=[export.pk])).status_code == 410
    services.exports_expire()
    assert client.get(reverse("portability:download", args=[export.pk])).status_code == 410
    status = client.get(reverse("portability:status", args=[export.pk])).json()
    assert status["status"] == "expired"
    assert status["download_url"] == ""
