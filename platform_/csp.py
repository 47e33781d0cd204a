"""Content-Security-Policy on every page: django-csp's middleware, the socket origin of the request, and the
endpoint browsers report violations to (logged, never stored)."""

from __future__ import annotations

import json
import logging

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

logger = logging.getLogger("platform_.csp")

REPORT_PATH = "/csp-report/"


class PlatformCSPMiddleware(CSPMiddleware):
    """The policy of the settings, plus the WebSocket origin of this host (rooms and notifications)."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        try:
            host = request.get_host()
        except DisallowedHost:
            return parts
        sockets = [f"ws://{host}", f"wss://{host}"]
        update = dict(parts.update or {})
        update["connect-src"] = [*update.get("connect-src", []), *sockets]
        parts.update = update
        return parts

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        response = super().process_response(request, response)
        if "Content-Security-Policy" in response and "Reporting-Endpoints" not in response:
            response["Reporting-Endpoints"] = f'csp="{request.build_absolute_uri(REPORT_PATH)}"'
        return response


@csrf_exempt
@require_POST
def csp_report(request: HttpRequest) -> HttpResponse:
    """Log a violation report (report-uri or Reporting API); anything too large or not JSON is dropped."""
    limit = settings.CSP_REPORT_MAX_BYTES
    declared = request.headers.get("Content-Length", "0")
    if not declared.isdigit() or int(declared) > limit:
        return HttpResponse(status=413)
    body = request.read(limit + 1)
    if len(body) > limit:
        return HttpResponse(status=413)
    try:
        report = json.loads(body)
    except ValueError:
        return HttpResponse(status=400)
    for entry in report if isinstance(report, list) else [report]:
        if isinstance(entry, dict):
            detail = entry.get("csp-report") or entry.get("body") or entry
            logger.warning("csp violation %s", json.dumps(detail, ensure_ascii=False)[:2000])
    return HttpResponse(status=204)
