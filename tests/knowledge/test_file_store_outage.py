"""A failing file store: the upload is refused with a clear 503 problem detail and nothing is half-written
(no version row, no file). The store really fails: its directory lies under a plain file."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from knowledge import services
from knowledge.models import AssetVersion
from platform_.outage import FileStoreUnavailable
from tests.knowledge.factories import make_asset

pytestmark = pytest.mark.django_db


@pytest.fixture
def broken_store(settings: Any, tmp_path: Path) -> Path:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a directory")
    settings.MEDIA_ROOT = blocker / "media"
    return tmp_path


def test_an_upload_to_a_failing_store_is_a_503_problem_and_nothing_is_stored(client, broken_store: Path) -> None:
    asset = make_asset(publish=False)
    client.force_login(asset.created_by)
    response = client.post(
        reverse("v1:asset-versions", args=[asset.pk]), {"file": SimpleUploadedFile("spec.txt", b"bearing spec")}
    )
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["code"] == "file_store_unavailable"
    assert not AssetVersion.objects.exists()
    assert sorted(path.name for path in broken_store.rglob("*")) == ["blocker"]


def test_the_service_removes_what_it_wrote_when_the_store_fails_midway(settings: Any, tmp_path: Path) -> None:
    """The file is stored, the preview is not (its folder is blocked): the file is removed again."""
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "knowledge").mkdir(parents=True)
    (tmp_path / "media" / "knowledge" / "previews").write_text("blocks the previews' folder")
    asset = make_asset(publish=False)
    image = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(image, format="PNG")
    png = image.getvalue()
    with pytest.raises(FileStoreUnavailable):
        services.version_add(
            asset=asset, by=asset.created_by, uploaded_file=SimpleUploadedFile("photo.png", png, "image/png")
        )
    assert not AssetVersion.objects.exists()
    assert [path for path in (tmp_path / "media").rglob("*") if path.is_file() and path.name != "previews"] == []
