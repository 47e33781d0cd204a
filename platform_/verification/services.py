"""Writes of verification: a firm's request through the configured provider, an administrator's decision."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.identity.models import Firm, FirmMember, FirmVerification
from platform_.identity.selectors import member_of
from platform_.notifications.messages import Message, per_language
from platform_.notifications.services import notify
from platform_.verification.models import RequestStatus, VerificationRequest
from platform_.verification.providers import provider

MAX_LICENCE_BYTES = 10 * 1024 * 1024
LICENCE_SIGNATURES = {b"%PDF-": "application/pdf", b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def licence_type(upload: Any) -> str:
    """The licence's type, sniffed from its first bytes: a PDF or a photo (PNG, JPEG), at most 10 MB."""
    if upload.size > MAX_LICENCE_BYTES:
        raise DomainError(_("The licence file is larger than 10 MB."), field="licence")
    head = upload.read(16)
    upload.seek(0)
    for signature, media_type in LICENCE_SIGNATURES.items():
        if head.startswith(signature):
            return media_type
    raise DomainError(_("Upload the business licence as a PDF, PNG or JPEG file."), field="licence")


def _managers(firm: Firm) -> list[Any]:
    return [
        row.user for row in FirmMember.objects.filter(firm=firm, role__in=["owner", "admin"]).select_related("user")
    ]


def _apply(*, request: VerificationRequest, verified: bool, by: Any, reason: str = "") -> None:
    now = timezone.now()
    request.status = RequestStatus.VERIFIED if verified else RequestStatus.REJECTED
    request.decided_by = by if getattr(by, "is_authenticated", False) else None
    request.decided_at, request.reason = now, reason
    request.save(update_fields=["status", "decided_by", "decided_at", "reason", "reference"])
    firm = request.firm
    firm.verification = FirmVerification.VERIFIED if verified else FirmVerification.REJECTED
    firm.verified_at = now if verified else None
    firm.save(update_fields=["verification", "verified_at"])
    audit_record(
        actor=by,
        action="firm.verify" if verified else "firm.verify_reject",
        target=firm,
        firm=firm,
        reason=reason,
        data={"provider": request.provider, "request": request.pk},
    )
    title = (
        Message(gettext_noop("%(firm)s is verified"), firm=per_language(lambda: firm.name))
        if verified
        else Message(gettext_noop("The verification of %(firm)s was refused"), firm=per_language(lambda: firm.name))
    )
    notify(
        recipients=_managers(firm),
        kind="firm.verification",
        title=title.followed_by(reason) if reason else title,
        url=firm.get_absolute_url(),
    )


@transaction.atomic
def verification_submit(*, firm: Firm, by: Any, legal_representative: str, licence: Any = None) -> VerificationRequest:
    """A firm's owner or administrator asks to be verified; the configured provider decides or queues it."""
    membership = member_of(user=by, firm=firm)
    if membership is None or not membership.manages:
        raise NotAllowed(_("Only the owner or an administrator of the firm may do this."))
    firm = Firm.objects.select_for_update().get(pk=firm.pk)
    if firm.verification in (FirmVerification.VERIFIED, FirmVerification.PENDING):
        raise Conflict(_("The firm is already verified or waiting for review."))
    legal_representative = legal_representative.strip()
    if not legal_representative:
        raise DomainError(
            _("Give the legal representative named on the business licence."), field="legal_representative"
        )
    chosen = provider()
    if chosen.needs_licence and not licence:
        raise DomainError(_("Upload the business licence."), field="licence")
    if licence:
        licence_type(licence)
    request = VerificationRequest.objects.create(
        firm=firm, provider=chosen.name, legal_representative=legal_representative[:100], submitted_by=by
    )
    if licence:
        request.licence.save(f"{firm.pk}-{request.pk}", licence, save=True)
    firm.verification = FirmVerification.PENDING
    firm.save(update_fields=["verification"])
    audit_record(actor=by, action="firm.verify_request", target=firm, firm=firm, data={"provider": chosen.name})
    outcome = chosen.check(
        name=firm.name_zh or firm.name_en, credit_code=firm.credit_code, legal_representative=legal_representative
    )
    if outcome.verified is None:
        staff = get_user_model().objects.filter(is_staff=True, is_active=True)
        notify(
            recipients=staff,
            kind="firm.verification_request",
            title=Message(gettext_noop("%(firm)s asks to be verified"), firm=per_language(lambda: firm.name)),
        )
        return request
    request.reference = outcome.reference
    _apply(request=request, verified=outcome.verified, by=None, reason=outcome.reason)
    return request


@transaction.atomic
def verification_decide(*, request: VerificationRequest, by: Any, approve: bool, reason: str = "") -> None:
    """A platform administrator's decision on a pending request, after reading the licence."""
    if not getattr(by, "is_platform_admin", False):
        raise NotAllowed(_("Only a platform administrator may verify a firm."))
    request = VerificationRequest.objects.select_for_update().select_related("firm").get(pk=request.pk)
    if request.status != RequestStatus.PENDING:
        raise Conflict(_("This request is already decided."))
    if not approve and not reason.strip():
        raise DomainError(_("Say why the verification is refused."), field="reason")
    _apply(request=request, verified=approve, by=by, reason=reason.strip())
