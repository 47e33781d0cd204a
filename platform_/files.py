"""Serving a stored file once a domain view has checked who may have it: the one way any stored file leaves.

No URL maps onto the storage (there is no ``/media/`` route in any settings). A domain view applies the
selector of the object the file belongs to, then calls :func:`file_response`, which answers in the mode
``settings.FILE_SERVE_MODE`` names:

- ``"django"``: the process streams the file (development, tests, small installs);
- ``"nginx"``: an empty answer with ``X-Accel-Redirect`` to an ``internal`` nginx location that maps onto
  MEDIA_ROOT, so nginx streams the bytes, with the headers set here (see docs/security.md);
- ``"s3"``: a redirect to a presigned URL of the object that lives ``FILE_SERVE_URL_SECONDS`` and makes
  S3 answer with the same Content-Disposition and Content-Type (previews, shown inline in the platform's
  pages, are streamed instead: the pages' img-src is 'self').

Every answer is an attachment unless the platform rendered the file itself (a preview thumbnail), and
carries ``nosniff`` and a sandboxing Content-Security-Policy, so a stored HTML or SVG file never runs
script on the platform's origin even if it was stored under an older upload policy.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect

# A document opened from here may not run script, submit forms, reach the network or be framed.
SANDBOX_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'"
MODES = ("django", "nginx", "s3")
_UNSAFE_ASCII = re.compile(r"[^A-Za-z0-9._()\[\]+ -]")


def disposition_header(*, filename: str, inline: bool = False) -> str:
    """An RFC 6266 Content-Disposition: an ASCII fallback name, and the UTF-8 name as ``filename*``."""
    name = _name_clean(filename)
    fallback = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    fallback = _UNSAFE_ASCII.sub("_", fallback).strip(" .") or "download"
    kind = "inline" if inline else "attachment"
    header = f'{kind}; filename="{fallback}"'
    if fallback != name:
        header += f"; filename*=UTF-8''{quote(name, safe='')}"
    return header


def _name_clean(filename: str) -> str:
    """The last path part of a name, without control characters (no header can be split by a name)."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    return name[:200] or "download"


def file_response(
    request: HttpRequest,
    field_file: FieldFile,
    *,
    filename: str,
    content_type: str | None = None,
    inline: bool = False,
) -> HttpResponseBase:
    """The answer that hands ``field_file`` to a caller the view has already checked.

    ``inline`` only for files the platform rendered itself (its PNG previews); everything a person
    uploaded goes out as an attachment, whatever its type.
    """
    if not field_file:
        raise ValueError("no stored file")
    media_type = content_type or "application/octet-stream"
    disposition = disposition_header(filename=filename, inline=inline)
    mode = settings.FILE_SERVE_MODE
    if mode not in MODES:
        raise ImproperlyConfigured(f"FILE_SERVE_MODE must be one of {', '.join(MODES)}, not {mode!r}")
    response: HttpResponseBase
    if mode == "nginx":
        response = HttpResponse(content_type=media_type)
        response["X-Accel-Redirect"] = nginx_location(name=str(field_file.name))
    elif mode == "s3" and not inline:
        response = HttpResponseRedirect(
            signed_url(field_file=field_file, disposition=disposition, content_type=media_type)
        )
    else:
        # Also the platform's own previews on S3: they are small, and shown in pages whose img-src is 'self'.
        response = FileResponse(field_file.open("rb"), content_type=media_type)
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_POLICY
    response["Cache-Control"] = "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def nginx_location(*, name: str) -> str:
    """The internal nginx URI of a stored name (``FILE_SERVE_NGINX_PREFIX`` maps onto MEDIA_ROOT)."""
    prefix = settings.FILE_SERVE_NGINX_PREFIX.rstrip("/")
    return f"{prefix}/{quote(name.lstrip('/'), safe='/')}"


def signed_url(*, field_file: FieldFile, disposition: str, content_type: str) -> str:
    """A presigned GET of the object, short-lived, making S3 answer with our disposition and type."""
    storage: Any = field_file.storage
    return str(
        storage.url(
            field_file.name,
            parameters={"ResponseContentDisposition": disposition, "ResponseContentType": content_type},
            expire=settings.FILE_SERVE_URL_SECONDS,
        )
    )
