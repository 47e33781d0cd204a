"""The firm a person is acting for: put on the request (``request.firm``, ``request.firm_member``) and read
back by every view, page or API, through the one helper ``acting_firm(request)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from platform_.errors import NotAllowed
from platform_.identity.models import Firm, FirmMember, User
from platform_.request_memo import remember

SESSION_KEY = "current_firm_id"


def current_membership(request: HttpRequest) -> FirmMember | None:
    chosen = _chosen_membership(request)
    if chosen is not None:  # the acting firm's membership is then known to the request's permission checks
        from platform_.identity.selectors import membership_key

        remember(membership_key(user_id=chosen.user_id, firm_id=chosen.firm_id), chosen)
    return chosen


def _chosen_membership(request: HttpRequest) -> FirmMember | None:
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


def acting_firm(request: Any) -> Firm | None:
    """The firm the request acts for, a plain ``Firm`` or None: the one way every view gets it.

    An API key names its firm (``request.auth.firm``); a browser session uses the firm chosen in
    the session (``request.firm_member``, set by CurrentFirmMiddleware, a lazy object that may
    wrap None).
    """
    firm = getattr(getattr(request, "auth", None), "firm", None)
    if isinstance(firm, Firm):
        return firm
    member = getattr(request, "firm_member", None)
    if member:  # a lazy object wrapping None is falsy
        return cast(Firm, member.firm)
    return None


def acting_firm_required(request: Any) -> Firm:
    """The acting firm, or a refusal (NotAllowed) for a person who acts for no firm."""
    firm = acting_firm(request)
    if firm is None:
        raise NotAllowed(_("You must belong to a firm to do this."), code="no_firm")
    return firm


def firm_id_of(firm: Any) -> int | None:
    """The id of a firm given as a ``Firm``, an id, None or the request's lazy object (for selectors).

    A ``Firm`` whose pk is a column expression passes it through unchanged: the webhook audience asks
    the asset visibility rule once for "the firm of the current row" (knowledge.webhooks).
    """
    if firm is None or not firm:
        return None
    return firm if isinstance(firm, int) else firm.pk


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
