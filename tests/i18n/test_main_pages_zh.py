"""The main pages in zh-hans show no untranslated source string and no raw code."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import polib
import pytest
from django.urls import reverse

from clusters.services import membership_apply, membership_transition
from platform_.audit.labels import audit_actions_registered
from tests.factories import ClusterFactory, UserFactory, firm_with_owner
from tests.knowledge.factories import make_asset
from tests.projects.factories import open_project

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
TAGS = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.S)
# English sentences of the catalogues (several words, no placeholder): seen on a Chinese page, one leaked.
SENTENCE = re.compile(r"^[A-Z][a-z]+(?: [a-z]+){2,}[.:]?$")


def _english_sentences() -> set[str]:
    found: set[str] = set()
    for po in ROOT.glob("**/locale/zh_Hans/LC_MESSAGES/django.po"):
        if ".venv" in po.parts:
            continue
        for entry in polib.pofile(str(po)):
            if entry.msgstr and SENTENCE.match(entry.msgid) and entry.msgstr != entry.msgid:
                found.add(entry.msgid)
    return found


def _visible_text(page: str) -> str:
    return html.unescape(TAGS.sub("\n", page))


@pytest.fixture
def pages(client: Any) -> list[str]:
    moderator = UserFactory.create(language="zh-hans")
    cluster = ClusterFactory.create(moderators=[moderator])
    firm, owner = firm_with_owner()
    membership = membership_apply(cluster=cluster, firm=firm, by=owner, message="")
    membership_transition(membership=membership, action="approve", by=moderator)
    asset = make_asset(firm=firm, by=owner)
    project, sponsor = open_project()
    urls = {
        owner: [
            "/",
            reverse("clusters:index"),
            cluster.get_absolute_url(),
            reverse("knowledge:index") + "?q=纺织",
            asset.get_absolute_url(),
            reverse("knowledge:mine"),
            reverse("projects:index"),
            project.get_absolute_url(),
            reverse("notifications:index"),
            reverse("realtime:list"),
            firm.get_absolute_url(),
        ],
        moderator: [reverse("clusters:manage", args=[cluster.slug]), reverse("notifications:index")],
        sponsor: [project.get_absolute_url()],
    }
    texts = []
    for person, paths in urls.items():
        client.force_login(person)
        for path in paths:
            response = client.get(path, HTTP_ACCEPT_LANGUAGE="zh-hans")
            assert response.status_code == 200, path
            texts.append(f"{path}\n{_visible_text(response.text)}")
    return texts


def test_no_english_source_sentence_on_a_chinese_page(pages: list[str]) -> None:
    sentences = _english_sentences()
    assert len(sentences) > 100  # the check has something to look for
    leaks = {(text.split("\n", 1)[0], s) for text in pages for s in sentences if s in text}
    assert sorted(leaks) == []


def test_no_raw_code_on_a_chinese_page(pages: list[str]) -> None:
    codes = set(audit_actions_registered())
    raw = re.compile(r"∅|\b(?:apply|approve|publish|create|invite|join): |(?:^|\s)→ [a-z]+\b")
    problems = []
    for text in pages:
        path = text.split("\n", 1)[0]
        problems += [(path, code) for code in codes if code in text]
        problems += [(path, match.group(0)) for match in raw.finditer(text)]
    assert problems == []


def test_the_check_finds_english_sentences_on_an_english_page(client: Any, user: Any) -> None:
    client.force_login(user)
    text = _visible_text(client.get(reverse("knowledge:index") + "?q=zzqx", HTTP_ACCEPT_LANGUAGE="en").text)
    assert any(sentence in text for sentence in _english_sentences())
