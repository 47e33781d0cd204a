"""Reads of verification: the queue of an administrator, a firm's latest request, who may open a licence."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from platform_.errors import NotFound
from platform_.identity.selectors import member_of
from platform_.verification.models import RequestStatus, VerificationRequest


def pending_requests() -> QuerySet[VerificationRequest]:
    return (
        VerificationRequest.objects.filter(status=RequestStatus.PENDING).select_related("firm").order_by("submitted_at")
    )


def latest_request(*, firm: Any) -> VerificationRequest | None:
    return VerificationRequest.objects.filter(firm=firm).first()


def licence_for(*, user: Any, request_id: int) -> VerificationRequest:
    """The request whose licence this person may open: platform administrators and the firm's managers."""
    request = VerificationRequest.objects.select_related("firm").filter(pk=request_id).first()
    if request is None or not request.licence:
        raise NotFound(_("Not found."))
    if getattr(user, "is_platform_admin", False):
        return request
    membership = member_of(user=user, firm=request.firm)
    if membership is None or not membership.manages:
        raise NotFound(_("Not found."))
    return request
