"""Errors as RFC 9457 problem details, for DRF's own exceptions and for the domain's."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from platform_.errors import DomainError

PROBLEM_TYPE = "https://virtual-clusters.local/problems/"


def _field_errors(detail: Any) -> list[dict[str, str]]:
    errors: list[dict[str, str]] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, sub in value.items():
                walk(sub, f"{path}.{key}" if path else str(key))
        elif isinstance(value, list):
            for index, sub in enumerate(value):
                walk(sub, path if not isinstance(sub, dict | list) else f"{path}[{index}]")
        else:
            errors.append(
                {"field": path or "non_field_errors", "message": str(value), "code": getattr(value, "code", "invalid")}
            )

    walk(detail, "")
    return errors


def problem(status_code: int, title: str, detail: str, code: str, **extra: Any) -> dict[str, Any]:
    return {"type": PROBLEM_TYPE + code, "title": title, "status": status_code, "detail": detail, "code": code, **extra}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        body = problem(exc.status_code, type(exc).__name__, str(exc.message), exc.code)
        if exc.field:
            body["errors"] = [{"field": exc.field, "message": str(exc.message), "code": exc.code}]
        return Response(body, status=exc.status_code, content_type="application/problem+json")
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    code = getattr(exc, "default_code", "error")
    if isinstance(exc, exceptions.ValidationError):
        body = problem(
            response.status_code,
            "Validation failed",
            "The request has invalid fields.",
            "invalid",
            errors=_field_errors(response.data),
        )
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else str(response.data)
        code = getattr(detail, "code", code)
        body = problem(response.status_code, str(exc.__class__.__name__), str(detail), str(code))
    response.data = body
    response.content_type = "application/problem+json"
    if response.status_code == status.HTTP_429_TOO_MANY_REQUESTS and "Retry-After" not in response:
        wait = getattr(exc, "wait", None)
        if wait:
            response["Retry-After"] = str(int(wait) + 1)
    return response
