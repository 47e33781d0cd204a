"""Domain errors on pages, mapped once: a refusal page for a read, a message and a redirect back for an action.

The API maps the same errors to problem details (``platform_.api.errors``) and sockets to error
frames; a page view either lets a domain error escape (``DomainErrorMiddleware`` answers) or,
to choose where an action returns to, wraps itself in ``domain_errors(back=...)``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from platform_.errors import DomainError

API_PREFIX = "/api/"


def _back(request: HttpRequest, back: str | None) -> str:
    """Where an action returns: the form's ``next``, the view's choice, the referring page; all of this site."""
    for candidate in (request.POST.get("next"), back, request.META.get("HTTP_REFERER")):
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return candidate
    return "/"


def domain_error_response(request: HttpRequest, error: DomainError, *, back: str | None = None) -> HttpResponse:
    """A read answers with the refusal and the error's status (404, 403, 409, 400); an action
    shows the refusal as a message on the page it returns to."""
    if request.method in ("GET", "HEAD"):
        return render(request, "refused.html", {"message": error.message}, status=error.status_code)
    messages.error(request, str(error.message))
    return redirect(_back(request, back))


def domain_errors(
    back: Callable[..., str] | None = None,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """A view whose domain errors are answered by ``domain_error_response``; ``back(*args, **kwargs)``
    (the view's URL arguments) names the page an action returns to."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                return view(request, *args, **kwargs)
            except DomainError as error:
                return domain_error_response(request, error, back=back(*args, **kwargs) if back else None)

        return wrapper

    return decorate


class DomainErrorMiddleware:
    """A domain error that escapes a page view becomes ``domain_error_response``, never a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DomainError) and not request.path.startswith(API_PREFIX):
            return domain_error_response(request, exception)
        return None
