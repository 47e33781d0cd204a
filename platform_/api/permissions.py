"""Who is calling the API and the permission checks every domain shares (the acting firm is identity's)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import exceptions, serializers

from platform_.errors import NotAllowed
from platform_.identity.middleware import acting_firm_required
from platform_.identity.models import Firm, FirmMember, User
from platform_.identity.selectors import member_of


def _require_authenticated(request: Any) -> None:
    if not request.user.is_authenticated:
        raise exceptions.NotAuthenticated()


def caller(request: Any) -> User:
    """The signed-in person making the request (a 401 for anyone else)."""
    _require_authenticated(request)
    return request.user


def require_acting_firm(request: Any) -> Firm:
    """The acting firm, or a clear refusal for a person who belongs to no firm."""
    _require_authenticated(request)
    return acting_firm_required(request)


def require_firm_member(request: Any, firm: Firm) -> FirmMember:
    """The caller's membership of ``firm``; only the firm's own people pass."""
    _require_authenticated(request)
    member = member_of(user=request.user, firm=firm)
    if member is None:
        raise NotAllowed(_("Only the people of this firm may do this."))
    return member


Problem = inline_serializer(
    name="Problem",
    fields={
        "type": serializers.URLField(),
        "title": serializers.CharField(),
        "status": serializers.IntegerField(),
        "detail": serializers.CharField(),
        "code": serializers.CharField(),
        "errors": serializers.ListField(
            child=inline_serializer(
                name="ProblemFieldError",
                fields={
                    "field": serializers.CharField(),
                    "message": serializers.CharField(),
                    "code": serializers.CharField(),
                },
            ),
            required=False,
        ),
    },
)


def problems(*codes: int) -> dict[tuple[int, str], OpenApiResponse]:
    """Problem-details (RFC 9457) responses for the schema, one per status code.

    Every endpoint that can refuse a caller (403) also refuses an unauthenticated one (401).
    """
    if 403 in codes and 401 not in codes:
        codes = (401, *codes)
    described = {
        400: "Invalid input (problem details name each field).",
        401: "Not authenticated (no session and no valid API key).",
        403: "The caller may not do this.",
        404: "Not found, or not visible to the caller.",
        405: "Method not allowed.",
        409: "Conflicts with the current state (duplicate, wrong status).",
    }
    return {
        (code, "application/problem+json"): OpenApiResponse(response=Problem, description=described[code])
        for code in codes
    }
