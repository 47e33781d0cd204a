"""Puts the firm a person is acting for on the request (``request.firm`` and ``request.firm_member``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from platform_.identity.models import FirmMember, User

SESSION_KEY = "current_firm_id"


def current_membership(request: HttpRequest) -> FirmMember | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    memberships = FirmMember.objects.filter(user=user, firm__is_active=True).select_related("firm")
    wanted = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if wanted:
        chosen = memberships.filter(firm_id=wanted).first()
        if chosen is not None:
            return chosen
    return memberships.order_by("joined_at").first()


def signed_in(request: HttpRequest) -> User:
    """The signed-in person, for views behind login_required."""
    return cast(User, request.user)


class CurrentFirmMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        membership = SimpleLazyObject(lambda: current_membership(request))
        request.firm_member = membership  # type: ignore[attr-defined]
        request.firm = SimpleLazyObject(lambda: membership.firm if membership else None)  # type: ignore[attr-defined]
        return self.get_response(request)
