"""Factories for knowledge assets, built through the services so every asset is indexed and owned."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from knowledge import services
from knowledge.models import AccessLevel, Asset, AssetStatus
from tests.factories import firm_with_owner


def make_asset(*, firm: Any = None, by: Any = None, publish: bool = True, **fields: Any) -> Asset:
    """An asset created by the firm's owner; published directly (status set) unless ``publish`` is False."""
    if firm is None:
        firm, by = firm_with_owner()
    fields.setdefault("title_zh", "纺织机械的自动化改造")
    fields.setdefault("title_en", "Automating textile machinery")
    asset = services.asset_create(by=by, firm=firm, **fields)
    if publish:
        from django.utils import timezone

        Asset.objects.filter(pk=asset.pk).update(status=AssetStatus.PUBLISHED, published_at=timezone.now())
        asset.refresh_from_db()
    return asset


def text_file(name: str = "notes.txt", content: bytes = "纺织机械 notes".encode()) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def pdf_bytes(text: str) -> bytes:
    """A minimal one-page PDF whose text layer holds ``text`` (ASCII, Helvetica)."""
    stream = f"BT /F1 18 Tf 40 700 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def png_bytes(size: tuple[int, int] = (64, 48)) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


__all__ = ["AccessLevel", "make_asset", "pdf_bytes", "png_bytes", "text_file"]
