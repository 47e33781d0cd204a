"""Stored files leave only through checked views (platform_/files.py): no media route, the object's own rule
decides, every answer is an attachment (or the platform's own preview) with nosniff and a sandboxing CSP,
and the nginx and S3 modes hand the bytes over only after the check."""

from __future__ import annotations

import importlib
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import clear_url_caches, reverse

from knowledge.models import AccessLevel, Asset, AssetVersion
from platform_.files import SANDBOX_POLICY, disposition_header
from projects import services as project_services
from projects.models import Entry, EntryFile, Project
from tests.factories import UserFactory, firm_with_owner
from tests.knowledge.factories import make_asset, png_bytes
from tests.projects.factories import open_project, solver, upload

pytestmark = pytest.mark.django_db

HTML = b"<!doctype html><html><body><script>alert('pwned')</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert("pwned")</script></svg>'


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def client_for(user: Any = None, firm: Any = None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    if firm is not None:
        session = client.session
        session["current_firm_id"] = firm.pk
        session.save()
    return client


def legacy_version(asset: Asset, *, name: str = "report.html", content: bytes = HTML) -> AssetVersion:
    """A version stored as an older upload policy let it through (written straight to the storage)."""
    version = AssetVersion(
        asset=asset,
        number=asset.versions.count() + 1,
        original_name=name,
        size=len(content),
        content_type="text/html" if name.endswith(".html") else "image/svg+xml",
        sha256="0" * 64,
    )
    version.file.save(name, ContentFile(content), save=False)
    version.preview.save("legacy.png", ContentFile(png_bytes()), save=False)
    version.save()
    return version


def legacy_entry_file(entry: Entry, *, name: str = "design.html", content: bytes = HTML) -> EntryFile:
    row = EntryFile(version=entry.versions.order_by("-number").first(), name=name, size=len(content), sha256="0" * 64)
    row.file.save(name, ContentFile(content), save=False)
    row.save()
    return row


def private_asset_world() -> dict[str, Any]:
    owner_firm, owner = firm_with_owner()
    asset = make_asset(firm=owner_firm, by=owner, access_level=AccessLevel.PRIVATE)
    version = legacy_version(asset)
    outsider_firm, outsider = firm_with_owner()
    return {"asset": asset, "version": version, "owner": (owner, owner_firm), "outsider": (outsider, outsider_firm)}


def sealed_entry_world() -> dict[str, Any]:
    """An open project (entries sealed): one solver's entry with a legacy HTML file."""
    project, sponsor = open_project()
    firm, owner = solver(project)
    project_services.entry_submit(
        project=project, by=owner, firm=firm, files=[upload()], description="Entry", title="Design"
    )
    entry = Entry.objects.get(project=project)
    row = legacy_entry_file(entry)
    rival_firm, rival = solver(project)
    return {"project": project, "entry": entry, "row": row, "solver": (owner, firm), "sponsor": sponsor,
            "rival": (rival, rival_firm)}  # fmt: skip


def asset_urls(version: AssetVersion) -> dict[str, str]:
    args = [version.asset_id, version.number]
    return {
        "page download": reverse("knowledge:download", args=args),
        "page preview": reverse("knowledge:preview", args=args),
        "api download": reverse("v1:asset-version-download", args=args),
    }


def entry_urls(project: Project, entry: Entry, row: EntryFile) -> dict[str, str]:
    args = [project.pk, entry.pk, row.pk]
    return {"page": reverse("projects:entry-file", args=args), "api": reverse("v1:project-entry-file", args=args)}


def assert_sandboxed(response: Any) -> None:
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == SANDBOX_POLICY
    assert "sandbox" in response["Content-Security-Policy"]


# --- the header itself ----------------------------------------------------------------------------------


def test_disposition_keeps_a_utf8_name_beside_an_ascii_fallback() -> None:
    header = disposition_header(filename="设计方案 v2.pdf")
    assert header.startswith('attachment; filename="v2.pdf"; ')
    assert "filename*=UTF-8''%E8%AE%BE%E8%AE%A1%E6%96%B9%E6%A1%88%20v2.pdf" in header


def test_disposition_cannot_be_split_or_escape_its_quotes() -> None:
    header = disposition_header(filename='../../evil"\r\nSet-Cookie: a=b;.html')
    assert "\r" not in header
    assert "\n" not in header
    fallback = header.split('filename="', 1)[1].split('"', 1)[0]
    assert not set(fallback) & {'"', "/", ";"}
    assert disposition_header(filename="plan.pdf") == 'attachment; filename="plan.pdf"'
    assert disposition_header(filename="").endswith('filename="download"')


def test_preview_disposition_is_inline() -> None:
    assert disposition_header(filename="preview-1.png", inline=True) == 'inline; filename="preview-1.png"'


# --- no route onto the storage ----------------------------------------------------------------------------


def test_media_path_of_a_private_file_is_404_even_with_debug_on(settings: Any) -> None:
    version = private_asset_world()["version"]
    settings.DEBUG = True
    import platform_.urls

    try:
        importlib.reload(platform_.urls)
        clear_url_caches()
        response = Client().get(f"{settings.MEDIA_URL}{version.file.name}")
    finally:
        settings.DEBUG = False
        importlib.reload(platform_.urls)
        clear_url_caches()
    assert response.status_code == 404
    assert HTML not in b"".join(getattr(response, "streaming_content", [response.content]))


# --- knowledge asset files ---------------------------------------------------------------------------------


def test_asset_file_is_an_attachment_with_nosniff_and_a_sandbox() -> None:
    world = private_asset_world()
    owner, firm = world["owner"]
    client = client_for(owner, firm)
    for label in ("page download", "api download"):
        response = client.get(asset_urls(world["version"])[label])
        assert response.status_code == 200, label
        assert response["Content-Disposition"] == 'attachment; filename="report.html"', label
        assert_sandboxed(response)
        assert response.getvalue() == HTML


def test_asset_preview_is_the_platforms_png_shown_inline_and_sandboxed() -> None:
    world = private_asset_world()
    owner, firm = world["owner"]
    response = client_for(owner, firm).get(asset_urls(world["version"])["page preview"])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline;")
    assert_sandboxed(response)


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
@pytest.mark.parametrize("surface", ["page download", "page preview", "api download"])
def test_who_may_not_see_a_private_asset_gets_404_for_its_file_preview_and_download(who: str, surface: str) -> None:
    world = private_asset_world()
    client = client_for(*world["outsider"]) if who == "outsider" else Client()
    response = client.get(asset_urls(world["version"])[surface])
    assert response.status_code == 404


# --- project entry files -------------------------------------------------------------------------------------


def test_entry_file_is_an_attachment_with_nosniff_and_a_sandbox() -> None:
    world = sealed_entry_world()
    client = client_for(*world["solver"])
    for label, url in entry_urls(world["project"], world["entry"], world["row"]).items():
        response = client.get(url)
        assert response.status_code == 200, label
        assert response["Content-Disposition"] == 'attachment; filename="design.html"', label
        assert response["Content-Type"] == "application/octet-stream", label
        assert_sandboxed(response)


def test_the_api_lists_entry_files_with_their_checked_download_link() -> None:
    world = sealed_entry_world()
    response = client_for(*world["solver"]).get(
        reverse("v1:project-entry", args=[world["project"].pk, world["entry"].pk])
    )
    assert response.status_code == 200
    links = [f["download_url"] for v in response.json()["versions"] for f in v["files"]]
    assert entry_urls(world["project"], world["entry"], world["row"])["api"] in links
    assert all("/media/" not in link for link in links)


@pytest.mark.parametrize("who", ["sponsor", "rival", "stranger"])
@pytest.mark.parametrize("surface", ["page", "api"])
def test_who_may_not_see_a_sealed_entry_gets_404_for_its_files(who: str, surface: str) -> None:
    world = sealed_entry_world()
    if who == "sponsor":
        client = client_for(world["sponsor"], world["project"].sponsor)
    elif who == "rival":
        client = client_for(*world["rival"])
    else:
        client = client_for(UserFactory.create())
    response = client.get(entry_urls(world["project"], world["entry"], world["row"])[surface])
    assert response.status_code == 404


@pytest.mark.parametrize("surface", ["page", "api"])
def test_anonymous_never_gets_an_entry_file(surface: str) -> None:
    world = sealed_entry_world()
    response = Client().get(entry_urls(world["project"], world["entry"], world["row"])[surface])
    assert response.status_code in (302, 401, 403, 404)
    assert not getattr(response, "streaming", False)


# --- production modes --------------------------------------------------------------------------------------


def test_nginx_mode_answers_with_an_internal_redirect_after_the_check(settings: Any) -> None:
    settings.FILE_SERVE_MODE = "nginx"
    world = private_asset_world()
    version = world["version"]
    response = client_for(*world["owner"]).get(asset_urls(version)["page download"])
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{version.file.name}"
    assert response.content == b""
    assert response["Content-Disposition"] == 'attachment; filename="report.html"'
    assert_sandboxed(response)
    refused = client_for(*world["outsider"]).get(asset_urls(version)["page download"])
    assert refused.status_code == 404
    assert "X-Accel-Redirect" not in refused


def test_nginx_location_quotes_the_stored_name(settings: Any) -> None:
    from platform_.files import nginx_location

    settings.FILE_SERVE_NGINX_PREFIX = "/protected-media/"
    assert nginx_location(name="projects/entries/1/ab/设计 #1.pdf") == (
        "/protected-media/projects/entries/1/ab/%E8%AE%BE%E8%AE%A1%20%231.pdf"
    )


S3_STORAGE = {
    "BACKEND": "storages.backends.s3.S3Storage",
    "OPTIONS": {
        "bucket_name": "vc-media",
        "access_key": "AKIAEXAMPLEEXAMPLE00",
        "secret_key": "example-secret-key-for-presigning-only",
        "region_name": "eu-central-1",
        "signature_version": "s3v4",
        "addressing_style": "virtual",
    },
}


def test_s3_mode_redirects_to_a_short_lived_signed_url_after_the_check(settings: Any) -> None:
    """The URL comes from django-storages and boto3's real presigner (no S3 server is needed to sign)."""
    world = private_asset_world()
    version = world["version"]
    settings.FILE_SERVE_MODE = "s3"
    settings.STORAGES = {**settings.STORAGES, "default": S3_STORAGE}
    response = client_for(*world["owner"]).get(asset_urls(version)["api download"])
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    query = {k: v[0] for k, v in parse_qs(location.query).items()}
    assert location.scheme == "https"
    assert str(location.hostname).startswith("vc-media.s3.")
    assert location.path == f"/{version.file.name}"
    assert query["X-Amz-Expires"] == "60"
    assert query["X-Amz-Signature"]
    assert query["response-content-disposition"] == 'attachment; filename="report.html"'
    assert query["response-content-type"] == "text/html"
    assert response["Cache-Control"] == "private, no-store"
    refused = client_for(*world["outsider"]).get(asset_urls(version)["api download"])
    assert refused.status_code == 404
    assert "Location" not in refused


def test_s3_mode_streams_the_platforms_own_previews_for_pages_whose_img_src_is_self(settings: Any) -> None:
    settings.FILE_SERVE_MODE = "s3"
    world = private_asset_world()
    response = client_for(*world["owner"]).get(asset_urls(world["version"])["page preview"])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    with world["version"].preview.open("rb") as stored:
        assert response.getvalue() == stored.read()


def test_an_unknown_mode_is_a_configuration_error(settings: Any) -> None:
    from django.core.exceptions import ImproperlyConfigured

    settings.FILE_SERVE_MODE = "ftp"
    world = private_asset_world()
    with pytest.raises(ImproperlyConfigured, match="FILE_SERVE_MODE"):
        client_for(*world["owner"]).get(asset_urls(world["version"])["page download"])
