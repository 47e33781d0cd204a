"""Guidance attachments: vetted by the platform's upload policy, served only to the firms the guidance reaches
and to the publishing agency's people; anyone else gets 404."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from agencies import services
from agencies.models import Guidance, GuidanceAttachment
from knowledge.files import UploadRefused

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _client(user: Any | None = None) -> Client:
    client = Client(headers={"accept-language": "en"})
    if user is not None:
        client.force_login(user)
    return client


def _publish(land: dict[str, Any], *files: SimpleUploadedFile) -> Guidance:
    return services.guidance_publish(
        agency=land["agency"], by=land["officer"], kind="subsidy", title="纺织机械补贴", body="…",
        valid_from=date(2026, 1, 1), sectors=[land["textile"]], attachments=list(files),
    )  # fmt: skip


def test_an_html_attachment_is_refused_and_nothing_is_published(land: dict[str, Any]) -> None:
    page = SimpleUploadedFile("notice.html", b"<html><script>alert(1)</script></html>", content_type="text/html")
    with pytest.raises(UploadRefused) as refused:
        _publish(land, page)
    assert refused.value.field == "attachments"
    disguised = SimpleUploadedFile("notice.pdf", b"<!DOCTYPE html><html><body>x</body></html>")
    with pytest.raises(UploadRefused):
        _publish(land, disguised)
    assert not Guidance.objects.exists()
    assert not GuidanceAttachment.objects.exists()


def test_an_html_attachment_is_refused_on_the_form(land: dict[str, Any]) -> None:
    page = SimpleUploadedFile("notice.html", b"<html><body>x</body></html>", content_type="text/html")
    response = _client(land["officer"]).post(
        f"/agencies/{land['agency'].pk}/guidance/new/",
        {"kind": "policy", "title": "Notice", "body": "…", "valid_from": "2026-01-01", "attachments": [page]},
    )
    assert response.status_code == 200
    assert "attachments" in response.context["form"].errors
    assert not Guidance.objects.exists()


def test_the_form_publishes_several_attachments(land: dict[str, Any]) -> None:
    files = [SimpleUploadedFile("rules.pdf", PDF), SimpleUploadedFile("list.csv", b"a,b\n1,2\n")]
    response = _client(land["officer"]).post(
        f"/agencies/{land['agency'].pk}/guidance/new/",
        {"kind": "policy", "title": "Notice", "body": "…", "valid_from": "2026-01-01", "attachments": files},
    )
    assert response.status_code == 302
    names = sorted(GuidanceAttachment.objects.values_list("original_name", flat=True))
    assert names == ["list.csv", "rules.pdf"]


def test_a_firm_in_scope_downloads_an_attachment_others_get_404(land: dict[str, Any]) -> None:
    guidance = _publish(land, SimpleUploadedFile("rules.pdf", PDF))
    attachment = guidance.attachments.get()
    assert attachment.content_type == "application/pdf"
    assert attachment.size == len(PDF)
    url = f"/agencies/guidance/attachments/{attachment.pk}/"
    firm_page = _client(land["zj"][0][1]).get("/agencies/guidance/").content.decode()
    assert url in firm_page

    response = _client(land["zj"][0][1]).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "rules.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    # The publishing agency's people see it on their page and may download it too.
    assert url in _client(land["officer"]).get(f"/agencies/{land['agency'].pk}/").content.decode()
    assert _client(land["officer"]).get(url).status_code == 200

    for outsider in (land["zj_soft"][1], land["gd"][0][1]):  # wrong sector; outside the jurisdiction
        assert _client(outsider).get(url).status_code == 404
        assert url not in _client(outsider).get("/agencies/guidance/").content.decode()
    assert _client().get(url).status_code == 404
    assert _client(land["zj"][0][1]).get("/agencies/guidance/attachments/999999/").status_code == 404
