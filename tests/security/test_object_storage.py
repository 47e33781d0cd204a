"""Files in object storage: django-storages' S3 backend against a local S3-compatible server (moto's
``moto_server``, a real HTTP server in its own process). Uploads land in the private bucket; a
download is a short-lived presigned URL issued only after the permission check, and the object
answers through it with the platform's disposition and type."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import StreamingHttpResponse
from django.urls import reverse

from knowledge.models import AccessLevel, AssetVersion
from tests.factories import firm_with_owner
from tests.knowledge.factories import make_asset
from tests.security.test_files import asset_urls, client_for

pytestmark = pytest.mark.django_db

KEY, SECRET, REGION = "AKIALOCALS3SERVER000", "local-s3-server-secret", "us-east-1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """A local S3-compatible server for this module (moto_server from PyPI, in its own process)."""
    port = _free_port()
    server = Path(sys.executable).with_name("moto_server")
    proc = subprocess.Popen(
        [str(server), "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                urllib.request.urlopen(f"{url}/moto-api/", timeout=1)
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("moto_server did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture
def bucket(s3_endpoint: str, settings: Any) -> Any:
    """A fresh private bucket, and the platform configured as ``FILE_STORAGE=s3`` configures it."""
    import boto3

    name = f"vc-media-{uuid.uuid4().hex[:8]}"
    s3 = boto3.client(
        "s3", endpoint_url=s3_endpoint, aws_access_key_id=KEY, aws_secret_access_key=SECRET, region_name=REGION
    )
    s3.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": name, "endpoint_url": s3_endpoint, "access_key": KEY, "secret_key": SECRET,
                "region_name": REGION, "signature_version": "s3v4", "addressing_style": "path",
                "default_acl": None, "querystring_auth": True, "file_overwrite": False,
            },
        },
    }  # fmt: skip
    settings.FILE_SERVE_MODE = "s3"
    settings.FILE_SERVE_URL_SECONDS = 30
    s3.bucket_name = name
    return s3


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def test_an_upload_lands_in_the_bucket_and_leaves_it_only_through_a_signed_url_after_the_check(bucket: Any) -> None:
    firm, owner = firm_with_owner()
    asset = make_asset(firm=firm, by=owner, access_level=AccessLevel.PRIVATE, publish=False)
    content = "染料,温度\nred,80\nblue,90\n".encode()
    uploaded = client_for(owner, firm).post(
        reverse("v1:asset-versions", args=[asset.pk]), {"file": SimpleUploadedFile("配方 1.csv", content)}
    )
    assert uploaded.status_code == 201, uploaded.content
    version = AssetVersion.objects.get(asset=asset)

    # the bytes are in the bucket under the stored name, not on the local disk
    stored = bucket.get_object(Bucket=bucket.bucket_name, Key=version.file.name)
    assert stored["Body"].read() == content
    assert version.file.name is not None
    assert not Path(version.file.name).exists()
    names = [o["Key"] for o in bucket.list_objects_v2(Bucket=bucket.bucket_name)["Contents"]]
    assert version.file.name in names

    # the owner: a redirect to a presigned URL of the local server, short-lived
    response = client_for(owner, firm).get(asset_urls(version)["api download"])
    assert response.status_code == 302
    location = response["Location"]
    parts = urlsplit(location)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert f"{parts.scheme}://{parts.netloc}" == bucket.meta.endpoint_url
    assert query["X-Amz-Expires"] == "30"
    assert query["X-Amz-Signature"]
    assert response["Cache-Control"] == "private, no-store"
    # and the object answers through it, as an attachment of the platform's type
    status, headers, body = fetch(location)
    assert status == 200
    assert body == content
    assert headers["content-disposition"].startswith("attachment;")
    assert "filename*=UTF-8''%E9%85%8D%E6%96%B9%201.csv" in headers["content-disposition"]
    assert headers["content-type"] == "text/csv"

    # the bucket is private: the object's address without the signature is refused
    assert fetch(f"{parts.scheme}://{parts.netloc}{parts.path}")[0] == 403

    # the same through the page
    page = client_for(owner, firm).get(asset_urls(version)["page download"])
    assert page.status_code == 302
    assert fetch(page["Location"])[2] == content

    # anyone else: 404, and no URL to the object at all
    outsider_firm, outsider = firm_with_owner()
    for surface in ("api download", "page download"):
        refused = client_for(outsider, outsider_firm).get(asset_urls(version)[surface])
        assert refused.status_code == 404
        assert "Location" not in refused
        assert bucket.meta.endpoint_url.encode() not in refused.content
    anonymous = client_for().get(asset_urls(version)["api download"])
    assert anonymous.status_code in {401, 403, 404}
    assert "Location" not in anonymous


def test_the_platforms_own_preview_is_streamed_from_the_bucket(bucket: Any) -> None:
    from django.core.files.base import ContentFile

    from tests.knowledge.factories import png_bytes

    firm, owner = firm_with_owner()
    asset = make_asset(firm=firm, by=owner, access_level=AccessLevel.PRIVATE)
    version = AssetVersion(asset=asset, number=1, original_name="a.txt", size=1, content_type="text/plain")
    version.file.save("a.txt", ContentFile(b"a"), save=False)
    version.preview.save("a.png", ContentFile(png_bytes()), save=False)
    version.sha256 = "0" * 64
    version.save()
    assert bucket.get_object(Bucket=bucket.bucket_name, Key=version.preview.name)["Body"].read() == png_bytes()
    response = client_for(owner, firm).get(asset_urls(version)["page preview"])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert isinstance(response, StreamingHttpResponse)
    streamed = cast(Iterator[bytes], response.streaming_content)  # a WSGI response: a synchronous iterator
    assert b"".join(streamed) == png_bytes()
    outsider_firm, outsider = firm_with_owner()
    assert client_for(outsider, outsider_firm).get(asset_urls(version)["page preview"]).status_code == 404
