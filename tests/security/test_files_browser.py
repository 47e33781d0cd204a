"""In a real Chromium: HTML and SVG files with script, stored under an older upload policy as asset versions
and entry files, never run on the platform's origin when opened through their links; and under the
settings `make run` uses (DEBUG on), the media path of a private file answers 404."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from django.conf import settings
from django.test import Client

from tests.realtime.servers import Server
from tests.security.test_files import (
    HTML,
    SVG,
    legacy_entry_file,
    legacy_version,
    private_asset_world,
    sealed_entry_world,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MARKER = "pwned"
HTML_MARKED = HTML.replace(b"alert('pwned')", b"console.log('pwned'); alert('pwned'); top.pwned = 1")
SVG_MARKED = SVG.replace(b'alert("pwned")', b'console.log("pwned"); alert("pwned"); top.pwned = 1')


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def signed_in_page(page_factory: Any, base_url: str, user: Any, firm: Any) -> Any:
    client = Client()
    client.force_login(user)
    session = client.session
    session["current_firm_id"] = firm.pk
    session.save()
    page = page_factory()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": base_url}]
    )  # fmt: skip
    return page


class Watch:
    """Dialogs and console lines of every page of a browser context."""

    def __init__(self, page: Any) -> None:
        self.dialogs: list[str] = []
        self.console: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda message: self.console.append(message.text))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_quiet(self) -> None:
        assert self.dialogs == []
        assert not [line for line in self.console if MARKER in line]


def open_each_link(page: Any, page_url: str, selector: str, names: set[str]) -> None:
    """Click each file link: the browser downloads it and stays on the platform's page."""
    page.goto(page_url)
    for name in sorted(names):
        link = page.locator(selector, has_text=name)
        with page.expect_download() as download:
            link.click()
        assert download.value.suggested_filename == name
        assert page.url == page_url
        assert page.evaluate("window.pwned") is None


def navigate_directly(page: Any, url: str) -> None:
    """Typing the file's address: it downloads, or at worst shows in a sandbox; no script runs."""
    try:
        with page.expect_download(timeout=5_000):
            page.evaluate("url => { window.location.href = url; }", url)
    except Exception:  # no download: then the answer must have been sandboxed
        headers = httpx.head(url, cookies={c["name"]: c["value"] for c in page.context.cookies()}).headers
        assert "sandbox" in headers.get("content-security-policy", "")


def test_legacy_html_and_svg_asset_files_never_run_script(live_server: Any, page_factory: Any) -> None:
    world = private_asset_world()  # its first version is an HTML file
    asset = world["asset"]
    legacy_version(asset, name="marked.html", content=HTML_MARKED)
    legacy_version(asset, name="drawing.svg", content=SVG_MARKED)
    owner, firm = world["owner"]
    page = signed_in_page(page_factory, live_server.url, owner, firm)
    watch = Watch(page)
    page_url = f"{live_server.url}/knowledge/{asset.pk}/"
    open_each_link(page, page_url, "a[data-testid=download]", {"report.html", "marked.html", "drawing.svg"})
    for version in asset.versions.all():
        navigate_directly(page, f"{live_server.url}/knowledge/{asset.pk}/versions/{version.number}/download/")
        navigate_directly(page, f"{live_server.url}/api/v1/assets/{asset.pk}/versions/{version.number}/download/")
    watch.assert_quiet()


def test_legacy_html_and_svg_entry_files_never_run_script(live_server: Any, page_factory: Any) -> None:
    world = sealed_entry_world()
    entry = world["entry"]
    rows = [legacy_entry_file(entry, name="page.html", content=HTML_MARKED),
            legacy_entry_file(entry, name="sketch.svg", content=SVG_MARKED)]  # fmt: skip
    owner, firm = world["solver"]
    page = signed_in_page(page_factory, live_server.url, owner, firm)
    watch = Watch(page)
    page_url = f"{live_server.url}/projects/{world['project'].pk}/entries/{entry.pk}/"
    open_each_link(page, page_url, "a[href*='/files/']", {"page.html", "sketch.svg"})
    base = f"{live_server.url}/projects/{world['project'].pk}/entries/{entry.pk}/files"
    for row in rows:
        navigate_directly(page, f"{base}/{row.pk}/")
        navigate_directly(page, f"{live_server.url}/api/v1{base.removeprefix(live_server.url)}/{row.pk}/")
    watch.assert_quiet()


@pytest.mark.slow
def test_media_path_of_a_private_file_is_404_under_the_make_run_settings(media_root: Any) -> None:
    version = private_asset_world()["version"]
    assert (media_root / version.file.name).exists()
    server = Server(
        env={"DJANGO_SETTINGS_MODULE": "platform_.settings.dev", "DEBUG": "1", "MEDIA_ROOT": str(media_root)}
    )
    try:
        server.start()
        assert httpx.get(f"{server.url}/healthz").status_code == 200  # the server really is up
        response = httpx.get(f"{server.url}{settings.MEDIA_URL}{version.file.name}")
    finally:
        server.stop()
    assert response.status_code == 404
    assert b"pwned" not in response.content
