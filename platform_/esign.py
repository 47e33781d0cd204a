"""Electronic-signature providers: who collects the signatures on a contract (``ESIGN_PROVIDER``).

``local`` (the default, for development and tests): each side signs on the platform's own page,
reached by a signed link, and the platform writes the signed document itself.
``esign_v3``: e签宝 (esign.cn) open API v3 at ``ESIGN_API_URL`` with ``ESIGN_APP_ID`` and
``ESIGN_APP_SECRET``; each side signs on the service's page and the signed file is fetched from it.
A dotted path names any other provider class.

e签宝 v3 signs every request: ``X-Tsign-Open-Ca-Signature`` is the Base64 HMAC-SHA256, keyed by the
app secret, of ``method\\naccept\\ncontent-md5\\ncontent-type\\ndate\\n`` followed by the path with
its query parameters sorted by name; ``Content-MD5`` is the Base64 MD5 of the body (empty without one).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Signer:
    """One side of the contract: ``key`` is the caller's name for it, a firm signs through a person."""

    key: str
    firm_name: str
    credit_code: str = ""
    person_name: str = ""
    person_mobile: str = ""


@dataclass(frozen=True)
class Started:
    """A signing flow the provider opened, and where each side signs (by the signer's key)."""

    flow_id: str
    sign_urls: dict[str, str] = field(default_factory=dict)


class ProviderError(Exception):
    """The provider refused or could not be reached."""


class Provider:
    name = "base"
    # A hosted provider collects the signatures on its own pages; the platform asks it for progress.
    hosted = True

    def start(self, *, title: str, document: bytes, filename: str, signers: list[Signer]) -> Started:
        raise NotImplementedError

    def signed_keys(self, *, flow_id: str, signers: list[Signer]) -> set[str]:
        """The keys of the signers who have signed."""
        raise NotImplementedError

    def signed_document(self, *, flow_id: str) -> bytes:
        """The signed file, once every side signed."""
        raise NotImplementedError


class LocalProvider(Provider):
    """Signatures collected on the platform's own page; the platform records them and writes the document."""

    name = "local"
    hosted = False

    def start(self, *, title: str, document: bytes, filename: str, signers: list[Signer]) -> Started:
        return Started(flow_id=f"local-{uuid.uuid4().hex}")

    def signed_keys(self, *, flow_id: str, signers: list[Signer]) -> set[str]:
        return set()

    def signed_document(self, *, flow_id: str) -> bytes:
        raise ProviderError("the local provider keeps no documents")


def esign_v3_signature(*, secret: str, method: str, path: str, body: bytes, accept: str, content_type: str) -> str:
    """The documented request signature of e签宝 open API v3 (no signed extra headers, no Date)."""
    content_md5 = base64.b64encode(hashlib.md5(body).digest()).decode() if body else ""  # noqa: S324 (the API's format)
    parsed = urllib.parse.urlsplit(path)
    query = urllib.parse.parse_qsl(parsed.query, keep_blank_values=True)
    path_and_parameters = parsed.path
    if query:
        path_and_parameters += "?" + "&".join(f"{k}={v}" if v else k for k, v in sorted(query))
    text = "\n".join([method.upper(), accept, content_md5, content_type, ""]) + "\n" + path_and_parameters
    digest = hmac.new(secret.encode(), text.encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


class EsignV3(Provider):
    """e签宝 open API v3: upload the file, open a flow with an organisation signer per side, poll, download."""

    name = "esign_v3"
    timeout = 15
    accept = "*/*"
    content_type = "application/json; charset=UTF-8"

    def _base(self) -> str:
        base: str = settings.ESIGN_API_URL.rstrip("/")
        if not base.startswith(("https://", "http://")):
            raise ProviderError("ESIGN_API_URL must be an http(s) address")
        return base

    def _call(self, method: str, path: str, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        body = json.dumps(payload, ensure_ascii=False).encode() if payload is not None else b""
        headers = {
            "Accept": self.accept,
            "Content-Type": self.content_type,
            "X-Tsign-Open-App-Id": settings.ESIGN_APP_ID,
            "X-Tsign-Open-Auth-Mode": "Signature",
            "X-Tsign-Open-Ca-Timestamp": str(int(time.time() * 1000)),
            "X-Tsign-Open-Ca-Signature": esign_v3_signature(
                secret=settings.ESIGN_APP_SECRET,
                method=method,
                path=path,
                body=body,
                accept=self.accept,
                content_type=self.content_type,
            ),
        }
        if body:
            headers["Content-MD5"] = base64.b64encode(hashlib.md5(body).digest()).decode()  # noqa: S324
        request = urllib.request.Request(  # noqa: S310 (scheme checked; the address is the operator's)
            self._base() + path, data=body or None, method=method, headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                answer: dict[str, Any] = json.loads(response.read().decode() or "{}")
        except (OSError, ValueError) as error:
            raise ProviderError(f"e签宝 {path}: {error}") from error
        if answer.get("code") not in (0, "0"):
            raise ProviderError(f"e签宝 {path}: {answer.get('code')} {answer.get('message', '')}")
        data: dict[str, Any] = answer.get("data") or {}
        return data

    def _transfer(self, url: str, *, method: str, body: bytes = b"", headers: dict[str, str] | None = None) -> bytes:
        if not url.startswith(("https://", "http://")):
            raise ProviderError("e签宝 returned a non-http address")
        request = urllib.request.Request(url, data=body or None, method=method, headers=headers or {})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                content: bytes = response.read()
        except OSError as error:
            raise ProviderError(f"e签宝 file transfer: {error}") from error
        return content

    def start(self, *, title: str, document: bytes, filename: str, signers: list[Signer]) -> Started:
        md5 = base64.b64encode(hashlib.md5(document).digest()).decode()  # noqa: S324 (the API's format)
        upload = self._call(
            "POST",
            "/v3/files/file-upload-url",
            {"contentMd5": md5, "contentType": "application/pdf", "fileName": filename, "fileSize": len(document)},
        )
        self._transfer(
            str(upload.get("fileUploadUrl", "")),
            method="PUT",
            body=document,
            headers={"Content-MD5": md5, "Content-Type": "application/pdf"},
        )
        file_id = str(upload.get("fileId", ""))
        flow = self._call(
            "POST",
            "/v3/sign-flow/create-by-file",
            {
                "docs": [{"fileId": file_id, "fileName": filename}],
                "signFlowConfig": {"signFlowTitle": title[:100], "autoFinish": True},
                "signers": [
                    {
                        "signConfig": {"signOrder": order},
                        "signerType": 1,
                        "orgSignerInfo": {
                            "orgName": signer.firm_name,
                            "orgInfo": {"orgIDCardNum": signer.credit_code, "orgIDCardType": "CRED_ORG_USCC"},
                            "transactorInfo": {
                                "psnAccount": signer.person_mobile,
                                "psnInfo": {"psnName": signer.person_name},
                            },
                        },
                        "signFields": [{"fileId": file_id, "normalSignFieldConfig": {"freeMode": True}}],
                    }
                    for order, signer in enumerate(signers, start=1)
                ],
            },
        )
        flow_id = str(flow.get("signFlowId", ""))
        if not flow_id:
            raise ProviderError("e签宝 opened no sign flow")
        urls = {}
        for signer in signers:
            answer = self._call(
                "POST",
                f"/v3/sign-flow/{flow_id}/sign-url",
                {"operator": {"psnAccount": signer.person_mobile}, "organization": {"orgName": signer.firm_name}},
            )
            urls[signer.key] = str(answer.get("url", ""))
        return Started(flow_id=flow_id, sign_urls=urls)

    def signed_keys(self, *, flow_id: str, signers: list[Signer]) -> set[str]:
        detail = self._call("GET", f"/v3/sign-flow/{flow_id}/detail")
        by_name = {signer.firm_name: signer.key for signer in signers}
        done = set()
        for row in detail.get("signers") or []:
            name = str((row.get("orgSigner") or {}).get("orgName", ""))
            # signStatus 4: 签署完成 (signed).
            if row.get("signStatus") == 4 and name in by_name:
                done.add(by_name[name])
        return done

    def signed_document(self, *, flow_id: str) -> bytes:
        answer = self._call("GET", f"/v3/sign-flow/{flow_id}/file-download-url")
        files = answer.get("files") or []
        if not files:
            raise ProviderError("e签宝 has no signed file yet")
        return self._transfer(str(files[0].get("downloadUrl", "")), method="GET")


PROVIDERS: dict[str, type[Provider]] = {"local": LocalProvider, "esign_v3": EsignV3}


def provider() -> Provider:
    """The provider the deployment chose."""
    name = settings.ESIGN_PROVIDER
    cls = PROVIDERS.get(name) or import_string(name)
    instance: Provider = cls()
    return instance
