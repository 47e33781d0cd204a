"""Ideas in duplicate detection: flagged against the standing ideas of an open ideation its author's firm
takes part in, never against another firm's idea in a sealed ideation (not even its existence)."""

from __future__ import annotations

from typing import Any

import pytest

from platform_.duplicates.models import DuplicateFlag
from platform_.duplicates.selectors import flags_for
from platform_.notifications.models import Notification
from projects.models_types import Idea
from projects.services import ideas
from tests.projects.factories import solver
from tests.projects.test_ideas import ideation

pytestmark = pytest.mark.django_db

TEXT = "Dye textile fibres with recycled bamboo pulp to cut the wastewater of the dyeing line by half."


def _submit(project: Any, who: tuple[Any, Any], capture: Any, title: str) -> Idea:
    firm, owner = who
    with capture(execute=True):
        return ideas.idea_submit(project=project, by=owner, firm=firm, title=title, text=TEXT)


def _flags(idea: Idea) -> set[tuple[str, int]]:
    return set(
        DuplicateFlag.objects.filter(kind="projects.idea", subject_id=idea.pk).values_list("match_kind", "match_id")
    )


def test_in_open_ideation_a_near_copy_of_a_standing_idea_is_flagged(django_capture_on_commit_callbacks: Any) -> None:
    project, _sponsor = ideation(open_mode=True)
    first = _submit(project, solver(project), django_capture_on_commit_callbacks, "Bamboo dyeing")
    second_firm, second_owner = solver(project)
    second = _submit(project, (second_firm, second_owner), django_capture_on_commit_callbacks, "Bamboo dyeing line")
    assert _flags(second) == {("projects.idea", first.pk)}
    assert Notification.objects.filter(recipient=second_owner, kind="duplicates.flagged").exists()
    role, shown = flags_for(user=second_owner, firm=second_firm, kind="projects.idea", subject_id=second.pk)
    assert role == "submitter"
    assert len(shown) == 1


def test_in_sealed_ideation_another_firm_s_idea_is_never_flagged(django_capture_on_commit_callbacks: Any) -> None:
    project, _sponsor = ideation(open_mode=False)
    _submit(project, solver(project), django_capture_on_commit_callbacks, "Bamboo dyeing")
    second_firm, second_owner = solver(project)
    second = _submit(project, (second_firm, second_owner), django_capture_on_commit_callbacks, "Bamboo dyeing line")
    assert _flags(second) == set()
    assert not Notification.objects.filter(recipient=second_owner, kind="duplicates.flagged").exists()


def test_a_firm_s_own_earlier_idea_is_flagged_in_sealed_ideation(django_capture_on_commit_callbacks: Any) -> None:
    project, _sponsor = ideation(open_mode=False)
    who = solver(project)
    first = _submit(project, who, django_capture_on_commit_callbacks, "Bamboo dyeing")
    second = _submit(project, who, django_capture_on_commit_callbacks, "Bamboo dyeing again")
    assert _flags(second) == {("projects.idea", first.pk)}
