"""Checking uploads before anything is stored: size, type from the content, a safe name; then text and previews."""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from platform_.errors import DomainError

logger = logging.getLogger(__name__)

# Detected type → the file-name extensions that may carry it.
ALLOWED_TYPES: dict[str, tuple[str, ...]] = {
    "application/pdf": ("pdf",),
    "image/png": ("png",),
    "image/jpeg": ("jpg", "jpeg"),
    "image/gif": ("gif",),
    "image/webp": ("webp",),
    "application/zip": ("zip",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("docx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("xlsx",),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ("pptx",),
    "text/plain": ("txt", "text", "step", "stp", "dxf", "json", "xml"),
    "text/markdown": ("md", "markdown"),
    "text/csv": ("csv",),
}
TEXT_TYPES = {"text/plain", "text/markdown", "text/csv"}
IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
PREVIEW_SIZE = (480, 480)
CHUNK = 64 * 1024


class UploadRefused(DomainError):
    code = "upload_refused"


@dataclass
class CheckedUpload:
    name: str
    size: int
    content_type: str
    sha256: str
    content: bytes


def sanitise_name(name: str) -> str:
    """A file name safe for storage and display; names that try to climb directories are refused."""
    name = unicodedata.normalize("NFC", name or "").strip()
    if not name or "/" in name or "\\" in name or "\x00" in name or ".." in name or name.startswith("."):
        raise UploadRefused(_("This file name is not allowed."), field="file")
    cleaned = "".join(ch for ch in name if unicodedata.category(ch)[0] not in ("C",))
    cleaned = "".join(ch if (ch.isalnum() or ch in "-_. ()（）") else "_" for ch in cleaned).strip(" .")
    if not cleaned or "." not in cleaned:
        raise UploadRefused(_("The file name needs an extension such as .pdf."), field="file")
    stem, ext = cleaned.rsplit(".", 1)
    return f"{stem[:120]}.{ext[:10].lower()}"


def _detect_type(content: bytes, extension: str) -> str | None:
    import filetype

    kind = filetype.guess(content[:8192])
    if kind is not None:
        mime = kind.mime
        if mime == "application/zip" and extension in ("docx", "xlsx", "pptx"):
            return _office_type(content, extension)
        return mime
    if b"\x00" in content[:8192]:
        return None
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if extension in ("md", "markdown"):
        return "text/markdown"
    if extension == "csv":
        try:
            csv.Sniffer().sniff(text[:4096])
        except csv.Error:
            return "text/plain"
        return "text/csv"
    return "text/plain"


def _office_type(content: bytes, extension: str) -> str:
    import zipfile

    try:
        names = zipfile.ZipFile(io.BytesIO(content)).namelist()
    except zipfile.BadZipFile:
        return "application/octet-stream"
    prefix = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}[extension]
    if "[Content_Types].xml" in names and any(n.startswith(prefix) for n in names):
        return next(m for m, exts in ALLOWED_TYPES.items() if extension in exts)
    return "application/zip"


def check_upload(uploaded: Any) -> CheckedUpload:
    """Read and vet an uploaded file; raise UploadRefused before anything is written anywhere."""
    limit = settings.ASSET_MAX_UPLOAD_BYTES
    name = sanitise_name(getattr(uploaded, "name", "") or "")
    declared = getattr(uploaded, "size", None)
    too_big = UploadRefused(
        _("The file is larger than the limit of %(limit)s.") % {"limit": filesizeformat(limit)}, field="file"
    )
    if declared is not None and declared > limit:
        raise too_big
    digest = hashlib.sha256()
    buffer = io.BytesIO()
    if hasattr(uploaded, "seek"):
        uploaded.seek(0)
    chunks = uploaded.chunks(CHUNK) if hasattr(uploaded, "chunks") else iter(lambda: uploaded.read(CHUNK), b"")
    for chunk in chunks:
        if buffer.tell() + len(chunk) > limit:
            raise too_big
        digest.update(chunk)
        buffer.write(chunk)
    content = buffer.getvalue()
    if not content:
        raise UploadRefused(_("The file is empty."), field="file")
    extension = name.rsplit(".", 1)[1]
    mime = _detect_type(content, extension)
    if mime is None or mime not in ALLOWED_TYPES:
        raise UploadRefused(_("This type of file is not accepted."), field="file")
    if extension not in ALLOWED_TYPES[mime]:
        raise UploadRefused(_("The file's content does not match its name."), field="file")
    if mime in IMAGE_TYPES:
        _verify_image(content)
    return CheckedUpload(name=name, size=len(content), content_type=mime, sha256=digest.hexdigest(), content=content)


def _verify_image(content: bytes) -> None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
    except Exception as error:  # Pillow raises many kinds for a broken image
        raise UploadRefused(_("The image is damaged."), field="file") from error


def extract_text(checked: CheckedUpload) -> str:
    """Text for search: a PDF's text layer, or the file itself when it is text."""
    if checked.content_type in TEXT_TYPES:
        return checked.content.decode("utf-8", errors="replace")
    if checked.content_type == "application/pdf":
        try:
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(checked.content))
            return "\n".join((page.extract_text() or "") for page in reader.pages[:200])
        except Exception:  # a PDF pypdf cannot read is still a valid upload, just not searchable
            logger.warning("could not extract text from %s", checked.name, exc_info=True)
    return ""


def preview_image(checked: CheckedUpload) -> bytes | None:
    """A PNG thumbnail: of the image itself, or of a PDF's first page (rendered by PDFium)."""
    from PIL import Image

    if checked.content_type in IMAGE_TYPES:
        with Image.open(io.BytesIO(checked.content)) as image:
            return _png_thumbnail(image)
    if checked.content_type == "application/pdf":
        import pypdfium2

        try:
            document = pypdfium2.PdfDocument(checked.content)
            try:
                if len(document) == 0:
                    return None
                page = document[0]
                width, height = page.get_size()
                scale = min(PREVIEW_SIZE[0] / max(width, 1), PREVIEW_SIZE[1] / max(height, 1), 2.0)
                return _png_thumbnail(page.render(scale=max(scale, 0.1)).to_pil())
            finally:
                document.close()
        except Exception:  # a PDF PDFium cannot render is still a valid upload, just without a picture
            logger.warning("could not render a preview of %s", checked.name, exc_info=True)
    return None


def _png_thumbnail(image: Any) -> bytes:
    image.thumbnail(PREVIEW_SIZE)
    preview = image if image.mode in ("RGB", "RGBA", "L") else image.convert("RGBA")
    out = io.BytesIO()
    preview.save(out, format="PNG")
    return out.getvalue()


def preview_text(checked: CheckedUpload, extracted: str) -> str:
    """The opening text of a PDF's first page (or of a text file), shown as its preview."""
    if checked.content_type == "application/pdf":
        try:
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(checked.content))
            return (reader.pages[0].extract_text() or "")[:3000] if reader.pages else ""
        except Exception:
            return ""
    if checked.content_type in TEXT_TYPES:
        return extracted[:3000]
    return ""
