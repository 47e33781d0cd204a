"""Uploads: vetted in memory (size, type from content, name) before anything is stored; text and previews."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from knowledge import selectors, services
from knowledge.files import UploadRefused, sanitise_name
from knowledge.models import AssetVersion
from platform_.errors import NotAllowed
from tests.factories import firm_with_owner
from tests.knowledge.factories import make_asset, pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db


def _stored(media_root: Path) -> list[Path]:
    return [p for p in Path(media_root).rglob("*") if p.is_file()] if Path(media_root).exists() else []


def test_version_records_checksum_size_and_type() -> None:
    asset = make_asset()
    content = pdf_bytes("Loom tension control")
    version = services.version_add(
        asset=asset, by=asset.created_by, uploaded_file=SimpleUploadedFile("method.pdf", content)
    )
    assert (version.number, version.size, version.content_type) == (1, len(content), "application/pdf")
    assert version.sha256 == hashlib.sha256(content).hexdigest()
    assert version.file.read() == content


def test_versions_are_numbered_and_immutable() -> None:
    asset = make_asset()
    by = asset.created_by
    services.version_add(asset=asset, by=by, uploaded_file=SimpleUploadedFile("a.txt", b"first"))
    second = services.version_add(asset=asset, by=by, uploaded_file=SimpleUploadedFile("a.txt", b"second"))
    assert second.number == 2
    second.original_name = "changed.txt"
    with pytest.raises(ValueError, match="immutable"):
        second.save()


def test_text_inside_an_uploaded_pdf_is_found() -> None:
    asset = make_asset(title_zh="", title_en="Process sheet")
    services.version_add(
        asset=asset,
        by=asset.created_by,
        uploaded_file=SimpleUploadedFile("sheet.pdf", pdf_bytes("Electrospinning nozzle calibration")),
    )
    searcher, user = firm_with_owner()
    found = selectors.asset_search(user=user, firm=searcher, query="nozzle")
    assert [a.pk for a in found.results] == [asset.pk]
    assert "<mark>nozzle</mark>" in found.results[0].snippet


def test_pdf_gets_a_first_page_text_preview() -> None:
    asset = make_asset()
    version = services.version_add(
        asset=asset, by=asset.created_by, uploaded_file=SimpleUploadedFile("p.pdf", pdf_bytes("Preview me"))
    )
    assert "Preview me" in version.preview_text


def test_pdf_gets_a_rendered_first_page_thumbnail() -> None:
    asset = make_asset()
    version = services.version_add(
        asset=asset, by=asset.created_by, uploaded_file=SimpleUploadedFile("p.pdf", pdf_bytes("Rendered page"))
    )
    from PIL import Image

    assert version.preview, "a PDF gets a picture of its first page"
    with Image.open(version.preview.open("rb")) as thumb:
        assert thumb.format == "PNG"
        assert 0 < max(thumb.size) <= 480
        # the rendered page is not blank: the text drew dark pixels on the white page
        assert sum(thumb.convert("L").histogram()[:128]) > 0  # some pixels darker than mid-grey


def test_image_gets_a_thumbnail() -> None:
    asset = make_asset()
    version = services.version_add(
        asset=asset, by=asset.created_by, uploaded_file=SimpleUploadedFile("photo.png", png_bytes((1200, 900)))
    )
    from PIL import Image

    with Image.open(version.preview.open("rb")) as thumb:
        assert max(thumb.size) <= 480


def test_markdown_and_csv_are_sniffed_from_text() -> None:
    asset = make_asset()
    by = asset.created_by
    md = services.version_add(asset=asset, by=by, uploaded_file=SimpleUploadedFile("r.md", "# 标题\n正文".encode()))
    csv = services.version_add(asset=asset, by=by, uploaded_file=SimpleUploadedFile("d.csv", b"a,b\n1,2\n3,4\n"))
    assert (md.content_type, csv.content_type) == ("text/markdown", "text/csv")


def test_oversize_upload_is_refused_and_nothing_stored(settings: Any, media_root: Path) -> None:
    settings.ASSET_MAX_UPLOAD_BYTES = 1000
    asset = make_asset()
    with pytest.raises(UploadRefused):
        services.version_add(asset=asset, by=asset.created_by, uploaded_file=SimpleUploadedFile("big.txt", b"x" * 1001))
    assert not AssetVersion.objects.exists()
    assert _stored(media_root) == []


def test_size_is_counted_while_reading_not_taken_from_the_declaration(settings: Any, media_root: Path) -> None:
    settings.ASSET_MAX_UPLOAD_BYTES = 1000
    asset = make_asset()
    lying = ContentFile(b"y" * 5000, name="small.txt")
    lying.size = 10
    with pytest.raises(UploadRefused):
        services.version_add(asset=asset, by=asset.created_by, uploaded_file=lying)
    assert _stored(media_root) == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64),  # a Windows program
        ("report.pdf", png_bytes()),  # an image behind a document's name
        ("photo.png", b"%PDF-1.4 not really an image"),
        ("notes.txt", b"\x00\x01\x02binary\xff\xfe"),
        ("script.html", b"<script>alert(1)</script>"),
    ],
)
def test_wrong_type_behind_a_good_name_is_refused(name: str, content: bytes, media_root: Path) -> None:
    asset = make_asset()
    with pytest.raises(UploadRefused):
        services.version_add(asset=asset, by=asset.created_by, uploaded_file=SimpleUploadedFile(name, content))
    assert not AssetVersion.objects.exists()
    assert _stored(media_root) == []


@pytest.mark.parametrize("name", ["../../etc/passwd.txt", "..\\..\\boot.txt", ".htaccess", "a/b.txt", "x\x00.txt"])
def test_path_traversal_names_are_refused(name: str, media_root: Path) -> None:
    asset = make_asset()
    with pytest.raises(UploadRefused):
        services.version_add(asset=asset, by=asset.created_by, uploaded_file=ContentFile(b"hello", name=name))
    assert _stored(media_root) == []


def test_names_are_sanitised() -> None:
    assert sanitise_name("报告 <最终>.PDF") == "报告 _最终_.pdf"


def test_only_owners_add_versions(media_root: Path) -> None:
    asset = make_asset()
    _firm, stranger = firm_with_owner()
    with pytest.raises(NotAllowed):
        services.version_add(asset=asset, by=stranger, uploaded_file=SimpleUploadedFile("a.txt", b"hi"))
    assert _stored(media_root) == []
