"""Audit actions show as words in the reader's language, never as the stored code."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from platform_.audit.labels import audit_action_label, audit_actions_registered
from platform_.audit.services import audit_record

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = [
    "platform_",
    "clusters",
    "knowledge",
    "projects",
    "spillover",
    "reputation",
    "agencies",
    "belts",
    "portability",
    "observatory",
]
LITERAL = re.compile(r'action=(?:"([a-z_]+\.[a-z_.]+)"(?: if [^"]+ else "([a-z_]+\.[a-z_.]+)")?)')


def _literal_actions() -> set[str]:
    found: set[str] = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            text = path.read_text()
            for call in re.finditer(r"audit_record\((.{0,400}?)\)\n", text, re.S):
                for match in LITERAL.finditer(call.group(1)):
                    found.update(code for code in match.groups() if code)
    return found


def test_every_action_the_code_records_has_a_label() -> None:
    actions = _literal_actions()
    assert "project.terms_accept" in actions  # the scan finds the calls
    assert sorted(actions - set(audit_actions_registered())) == []


def test_every_label_is_translated_into_chinese() -> None:
    untranslated = []
    for code in audit_actions_registered():
        with translation.override("en"):
            english = audit_action_label(code)
        with translation.override("zh-hans"):
            chinese = audit_action_label(code)
        if chinese == english:
            untranslated.append(code)
    assert untranslated == []


def test_an_unregistered_code_is_named_as_such() -> None:
    with translation.override("zh-hans"):
        assert audit_action_label("no.such_action") == "其他操作（no.such_action）"


@pytest.mark.django_db
def test_the_audit_log_page_shows_the_chinese_label(client: Any, admin_user: Any) -> None:
    audit_record(actor=admin_user, action="project.terms_accept", target=admin_user)
    client.force_login(admin_user)
    text = client.get(reverse("admin:audit_auditentry_changelist"), HTTP_ACCEPT_LANGUAGE="zh-hans").text
    assert "已接受挑战条款" in text
    assert "project.terms_accept</td>" not in text
    assert ">project.terms_accept<" not in text  # nor in the filter
