"""Every page sends a strict Content-Security-Policy (no inline script, no plugins, no framing, reports
logged), and no template carries an inline script or event handler the policy would block."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tests.factories import ClusterFactory, active_member
from tests.knowledge.factories import make_asset
from tests.projects.factories import open_project

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    "/",
    "/clusters/",
    "/clusters/{cluster}/",
    "/knowledge/",
    "/knowledge/{asset}/",
    "/projects/",
    "/projects/{project}/",
    "/spillover/",
    "/notifications/",
    "/rooms/cluster/{cluster_id}/",
    "/accounts/login/",
    "/api/docs/",
    "/api/v1/clusters/",
    "/admin/login/",
]


@pytest.fixture
def world() -> dict[str, Any]:
    cluster = ClusterFactory.create()
    firm, person = active_member(cluster)
    asset = make_asset(firm=firm, by=person)
    project, _sponsor = open_project()
    return {"cluster": cluster, "firm": firm, "person": person, "asset": asset, "project": project}


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {part[0]: part[1:] for part in parts}


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_sends_a_strict_policy(world: dict[str, Any], page: str, signed_in: bool) -> None:
    client = Client()
    if signed_in:
        client.force_login(world["person"])
        session = client.session
        session["current_firm_id"] = world["firm"].pk
        session.save()
    url = page.format(
        cluster=world["cluster"].slug,
        cluster_id=world["cluster"].pk,
        asset=world["asset"].pk,
        project=world["project"].pk,
    )
    response = client.get(url)
    assert response.status_code < 500, url
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"], url
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["connect-src"] == ["'self'", "ws://testserver", "wss://testserver"]
    assert policy["report-uri"] == ["/csp-report/"]
    assert policy["report-to"] == ["csp"]
    assert response["Reporting-Endpoints"] == 'csp="http://testserver/csp-report/"'


TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates"), *ROOT.glob("platform_/*/templates")]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)


def test_no_template_has_an_inline_script_or_event_handler() -> None:
    offenders = []
    for directory in TEMPLATE_DIRS:
        for template in directory.rglob("*.html"):
            text = template.read_text(encoding="utf-8")
            if INLINE_SCRIPT.search(text) or INLINE_HANDLER.search(text) or "javascript:" in text:
                offenders.append(str(template.relative_to(ROOT)))
    assert offenders == []


def test_a_violation_report_is_logged_and_answered_204(caplog: Any) -> None:
    report = {"csp-report": {"document-uri": "http://testserver/", "violated-directive": "script-src-elem"}}
    with caplog.at_level(logging.WARNING, logger="platform_.csp"):
        response = Client(enforce_csrf_checks=True).post(
            "/csp-report/", json.dumps(report), content_type="application/csp-report"
        )
    assert response.status_code == 204
    assert "script-src-elem" in caplog.text


def test_reporting_api_batches_are_logged_too(caplog: Any) -> None:
    batch = [{"type": "csp-violation", "body": {"effectiveDirective": "script-src-attr"}}]
    with caplog.at_level(logging.WARNING, logger="platform_.csp"):
        response = Client().post("/csp-report/", json.dumps(batch), content_type="application/reports+json")
    assert response.status_code == 204
    assert "script-src-attr" in caplog.text


def test_an_oversized_or_broken_report_is_refused_without_logging(caplog: Any) -> None:
    with caplog.at_level(logging.WARNING, logger="platform_.csp"):
        big = Client().post("/csp-report/", "x" * 20_000, content_type="application/csp-report")
        broken = Client().post("/csp-report/", "{not json", content_type="application/csp-report")
    assert big.status_code == 413
    assert broken.status_code == 400
    assert "csp violation" not in caplog.text


def test_reports_are_only_posted() -> None:
    assert Client().get("/csp-report/").status_code == 405
