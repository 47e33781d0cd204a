"""Entries in duplicate detection: flagged against the submitter's own entries and the assets they may
see, never against another team's sealed entry."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from platform_.duplicates import services as duplicates
from platform_.duplicates.models import DuplicateFlag, FlagStatus, Method
from projects import services
from projects.models import Entry
from tests.knowledge.factories import make_asset, text_file
from tests.projects.factories import open_project, solver, upload

pytestmark = pytest.mark.django_db

DESIGN = b"%PDF-1.4 a lightweight bracket, topology optimised, cast in aluminium"


def _submit(project: Any, firm: Any, owner: Any, capture: Any, content: bytes, title: str = "Bracket") -> Entry:
    with capture(execute=True):
        version = services.entry_submit(
            project=project, by=owner, firm=firm, files=[upload(content)], title=title, description=""
        )
    return version.entry


def _flags(entry: Entry) -> set[tuple[str, int]]:
    return set(
        DuplicateFlag.objects.filter(kind="projects.entry", subject_id=entry.pk).values_list("match_kind", "match_id")
    )


def test_an_entry_with_a_published_asset_s_file_is_flagged_and_may_cite_it(
    django_capture_on_commit_callbacks: Any,
) -> None:
    asset = make_asset(title_en="A bracket", uploaded_file=text_file("bracket.pdf", DESIGN))
    project, _sponsor = open_project()
    firm, owner = solver(project)
    entry = _submit(project, firm, owner, django_capture_on_commit_callbacks, DESIGN)
    flag = DuplicateFlag.objects.get(kind="projects.entry", subject_id=entry.pk)
    assert (flag.match_kind, flag.match_id, flag.method) == ("knowledge.asset", asset.pk, Method.FILE)

    duplicates.flag_decide(flag_id=flag.pk, by=owner, firm=firm, action="cite")
    assert list(entry.cited_assets.all()) == [asset]
    flag.refresh_from_db()
    assert flag.status == FlagStatus.CITED


def test_another_team_s_sealed_entry_is_never_flagged(django_capture_on_commit_callbacks: Any) -> None:
    project, _sponsor = open_project()
    first_firm, first_owner = solver(project)
    first = _submit(project, first_firm, first_owner, django_capture_on_commit_callbacks, DESIGN)
    second_firm, second_owner = solver(project)
    second = _submit(project, second_firm, second_owner, django_capture_on_commit_callbacks, DESIGN)
    assert _flags(second) == set()
    assert _flags(first) == set()
    page = Client()
    page.force_login(second_owner)
    assert page.get(reverse("duplicates:flags", args=["projects.entry", first.pk])).status_code == 404


def test_the_firm_s_own_earlier_entry_is_flagged(django_capture_on_commit_callbacks: Any) -> None:
    earlier_project, _sponsor = open_project()
    firm, owner = solver(earlier_project)
    earlier = _submit(earlier_project, firm, owner, django_capture_on_commit_callbacks, DESIGN)
    project, _sponsor2 = open_project()
    services.terms_accept(project=project, by=owner, firm=firm)
    entry = _submit(project, firm, owner, django_capture_on_commit_callbacks, DESIGN)
    assert _flags(entry) == {("projects.entry", earlier.pk)}


def test_the_entry_page_shows_its_flags_to_its_team(django_capture_on_commit_callbacks: Any) -> None:
    asset = make_asset(title_en="A bracket to cite", uploaded_file=text_file("bracket.pdf", DESIGN))
    project, _sponsor = open_project()
    firm, owner = solver(project)
    entry = _submit(project, firm, owner, django_capture_on_commit_callbacks, DESIGN)
    client = Client()
    client.force_login(owner)
    page = client.get(entry.get_absolute_url()).content.decode()
    assert 'data-testid="duplicate-flag"' in page
    assert asset.title in page
    assert 'value="cite"' in page
    assert 'value="new_version"' not in page
