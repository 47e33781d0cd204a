"""Verification providers: who decides that a firm is who it says it is (``FIRM_VERIFICATION_PROVIDER``).

``manual`` (the default): a platform administrator reviews the uploaded business licence in the browser.
``registry``: a service that checks the name, the unified social credit code and the legal representative
against the business registry (an enterprise-information API such as those built on the National Enterprise
Credit Information Publicity System), called at ``FIRM_VERIFICATION_SERVICE_URL`` with
``FIRM_VERIFICATION_SERVICE_KEY``. A dotted path names any other provider class.
"""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Outcome:
    """A provider's answer: ``None`` while a person has yet to decide, else verified or not, and why."""

    verified: bool | None
    reason: str = ""
    reference: str = ""


class Provider:
    name = "base"
    needs_licence = False

    def check(self, *, name: str, credit_code: str, legal_representative: str) -> Outcome:
        raise NotImplementedError


class ManualReview(Provider):
    """The default: the request waits for a platform administrator, who reads the licence."""

    name = "manual"
    needs_licence = True

    def check(self, *, name: str, credit_code: str, legal_representative: str) -> Outcome:
        return Outcome(verified=None)


class RegistryService(Provider):
    """A registry service answering ``{"match": bool, "reason": str, "reference": str}`` to a JSON POST."""

    name = "registry"
    timeout = 10

    def check(self, *, name: str, credit_code: str, legal_representative: str) -> Outcome:
        url = settings.FIRM_VERIFICATION_SERVICE_URL
        if not url.startswith(("https://", "http://")):
            raise ValueError("FIRM_VERIFICATION_SERVICE_URL must be an http(s) address")
        body = json.dumps(
            {"name": name, "credit_code": credit_code, "legal_representative": legal_representative}
        ).encode()
        request = urllib.request.Request(  # noqa: S310 (scheme checked above; the address is the operator's)
            url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {settings.FIRM_VERIFICATION_SERVICE_KEY}",
            },
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
            answer: dict[str, Any] = json.loads(response.read().decode() or "{}")
        return Outcome(
            verified=bool(answer.get("match")),
            reason=str(answer.get("reason", ""))[:500],
            reference=str(answer.get("reference", ""))[:100],
        )


PROVIDERS: dict[str, type[Provider]] = {"manual": ManualReview, "registry": RegistryService}


def provider() -> Provider:
    configured = getattr(settings, "FIRM_VERIFICATION_PROVIDER", "manual") or "manual"
    cls = PROVIDERS.get(configured) or import_string(configured)
    return cls()
