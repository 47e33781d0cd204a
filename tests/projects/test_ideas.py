"""Ideation: short ideas, sealed or open, comments and supports, and merges that keep every author's credit."""

from __future__ import annotations

from typing import Any

import pytest

from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, DomainError, NotAllowed, NotFound
from platform_.notifications.models import Notification
from projects import selectors_types
from projects.models_types import IDEA_MAX_LENGTH, Idea, IdeaCredit, IdeaSupport
from projects.services import ideas
from tests.factories import UserFactory, firm_with_owner
from tests.projects.factories import open_project, pass_deadline, solver, sponsor_project

pytestmark = pytest.mark.django_db


def ideation(*, open_mode: bool) -> tuple[Any, Any]:
    project, sponsor = sponsor_project(kind="ideation")
    ideas.ideation_set(project=project, by=sponsor, open=open_mode)
    from projects import services

    services.project_transition(project=project, action="publish", by=sponsor)
    project.refresh_from_db()
    return project, sponsor


def submit(project: Any, who: tuple[Any, Any], title: str = "Idea") -> Idea:
    firm, owner = who
    return ideas.idea_submit(project=project, by=owner, firm=firm, title=title, text=f"{title}: use bamboo fibre.")


def test_ideation_is_sealed_unless_the_sponsor_opens_it() -> None:
    project, _sponsor = open_project(kind="ideation")
    assert not selectors_types.ideation_is_open(project=project)


def test_only_the_sponsor_chooses_the_mode_and_only_in_draft() -> None:
    project, sponsor = sponsor_project(kind="ideation")
    _outsider_firm, outsider = firm_with_owner()
    with pytest.raises(NotAllowed):
        ideas.ideation_set(project=project, by=outsider, open=True)
    ideas.ideation_set(project=project, by=sponsor, open=True)
    assert AuditEntry.objects.filter(action="project.ideation_set").exists()
    from projects import services

    services.project_transition(project=project, action="publish", by=sponsor)
    with pytest.raises(Conflict):
        ideas.ideation_set(project=project, by=sponsor, open=False)


def test_ideas_are_short() -> None:
    project, _sponsor = ideation(open_mode=False)
    firm, owner = solver(project)
    with pytest.raises(DomainError) as refused:
        ideas.idea_submit(project=project, by=owner, firm=firm, title="Long", text="x" * (IDEA_MAX_LENGTH + 1))
    assert refused.value.field == "text"
    assert not Idea.objects.exists()


def test_an_idea_needs_the_terms_accepted_and_an_open_project() -> None:
    project, _sponsor = ideation(open_mode=False)
    firm, owner = firm_with_owner()
    with pytest.raises(NotAllowed):
        ideas.idea_submit(project=project, by=owner, firm=firm, title="T", text="An idea")
    who = solver(project)
    pass_deadline(project)
    with pytest.raises(Conflict):
        submit(project, who)


def test_a_design_project_takes_no_ideas() -> None:
    project, _sponsor = open_project()
    firm, owner = solver(project)
    with pytest.raises(Conflict):
        ideas.idea_submit(project=project, by=owner, firm=firm, title="T", text="An idea")


def test_in_sealed_ideation_no_participant_sees_another_s_idea() -> None:
    project, sponsor = ideation(open_mode=False)
    alice, bob = solver(project), solver(project)
    idea_a = submit(project, alice, "A")
    submit(project, bob, "B")
    seen = selectors_types.ideas_visible_to(user=alice[1], firm=alice[0], project=project)
    assert [i.pk for i in seen] == [idea_a.pk]
    with pytest.raises(NotFound):
        selectors_types.idea_get(user=bob[1], firm=bob[0], project=project, idea_id=idea_a.pk)
    assert selectors_types.ideas_visible_to(user=sponsor, firm=project.sponsor, project=project).count() == 2
    stranger_firm, stranger = firm_with_owner()
    assert not selectors_types.ideas_visible_to(user=stranger, firm=stranger_firm, project=project).exists()
    with pytest.raises(NotAllowed):
        ideas.idea_comment(idea=idea_a, by=bob[1], firm=bob[0], text="Nice")
    with pytest.raises(NotAllowed):
        ideas.idea_support(idea=idea_a, by=bob[1], firm=bob[0])


def test_in_open_ideation_participants_see_comment_and_support() -> None:
    project, _sponsor = ideation(open_mode=True)
    alice, bob = solver(project), solver(project)
    idea_a = submit(project, alice, "A")
    assert selectors_types.ideas_visible_to(user=bob[1], firm=bob[0], project=project).count() == 1
    ideas.idea_comment(idea=idea_a, by=bob[1], firm=bob[0], text="Could work with hemp too.")
    ideas.idea_support(idea=idea_a, by=bob[1], firm=bob[0])
    assert Notification.objects.filter(recipient=alice[1], kind="project.idea_comment").exists()
    assert Notification.objects.filter(recipient=alice[1], kind="project.idea_support").exists()
    assert selectors_types.comments_visible_to(user=alice[1], firm=alice[0], idea=idea_a).count() == 1


def test_people_who_did_not_accept_the_terms_see_nothing_even_in_open_ideation() -> None:
    project, _sponsor = ideation(open_mode=True)
    idea = submit(project, solver(project))
    firm, owner = firm_with_owner()
    assert not selectors_types.ideas_visible_to(user=owner, firm=firm, project=project).exists()
    with pytest.raises(NotAllowed):
        ideas.idea_comment(idea=idea, by=owner, firm=firm, text="Hi")
    judge = UserFactory.create()
    assert not selectors_types.ideas_visible_to(user=judge, firm=None, project=project).exists()


def test_one_support_per_person_and_never_for_your_own_idea() -> None:
    project, _sponsor = ideation(open_mode=True)
    alice, bob = solver(project), solver(project)
    idea_a = submit(project, alice, "A")
    with pytest.raises(NotAllowed):
        ideas.idea_support(idea=idea_a, by=alice[1], firm=alice[0])
    ideas.idea_support(idea=idea_a, by=bob[1], firm=bob[0])
    with pytest.raises(Conflict):
        ideas.idea_support(idea=idea_a, by=bob[1], firm=bob[0])
    assert IdeaSupport.objects.filter(idea=idea_a).count() == 1


def test_a_merge_keeps_every_author_credited_moves_supports_and_is_audited() -> None:
    project, sponsor = ideation(open_mode=True)
    alice, bob, carol = solver(project), solver(project), solver(project)
    idea_a = submit(project, alice, "Bamboo frame")
    idea_b = submit(project, bob, "Bamboo loom frame")
    ideas.idea_support(idea=idea_b, by=carol[1], firm=carol[0])
    ideas.idea_support(idea=idea_a, by=carol[1], firm=carol[0])
    ideas.idea_support(idea=idea_b, by=alice[1], firm=alice[0])  # alice's firm becomes credited: dropped

    survivor = ideas.idea_merge(idea=idea_a, by=sponsor, duplicates=[idea_b])

    assert set(IdeaCredit.objects.filter(idea=survivor).values_list("firm_id", flat=True)) == {
        alice[0].pk,
        bob[0].pk,
    }
    idea_b.refresh_from_db()
    assert idea_b.merged_into_id == survivor.pk
    assert list(IdeaSupport.objects.filter(idea=survivor).values_list("user_id", flat=True)) == [carol[1].pk]
    entry = AuditEntry.objects.get(action="project.idea_merge")
    assert entry.data["merged"] == [idea_b.pk]
    assert Notification.objects.filter(recipient=bob[1], kind="project.idea_merge").exists()
    # Bob still sees his (merged) idea and the survivor that credits his firm.
    seen = {i.pk for i in selectors_types.ideas_visible_to(user=bob[1], firm=bob[0], project=project)}
    assert seen == {idea_a.pk, idea_b.pk}
    # Carol sees only the standing idea.
    seen = {i.pk for i in selectors_types.ideas_visible_to(user=carol[1], firm=carol[0], project=project)}
    assert seen == {idea_a.pk}
    with pytest.raises(Conflict):
        ideas.idea_comment(idea=idea_b, by=carol[1], firm=carol[0], text="Late")


def test_only_the_sponsor_merges_and_only_standing_ideas_of_the_project() -> None:
    project, sponsor = ideation(open_mode=True)
    alice, bob = solver(project), solver(project)
    idea_a, idea_b = submit(project, alice, "A"), submit(project, bob, "B")
    with pytest.raises(NotAllowed):
        ideas.idea_merge(idea=idea_a, by=alice[1], duplicates=[idea_b])
    other, _other_sponsor = ideation(open_mode=True)
    foreign = submit(other, solver(other), "C")
    with pytest.raises(DomainError):
        ideas.idea_merge(idea=idea_a, by=sponsor, duplicates=[foreign])
    with pytest.raises(DomainError):
        ideas.idea_merge(idea=idea_a, by=sponsor, duplicates=[idea_a])
    ideas.idea_merge(idea=idea_a, by=sponsor, duplicates=[idea_b])
    with pytest.raises(Conflict):
        ideas.idea_merge(idea=idea_b, by=sponsor, duplicates=[idea_a])


def test_the_sponsor_may_merge_in_sealed_ideation_too() -> None:
    project, sponsor = ideation(open_mode=False)
    alice, bob = solver(project), solver(project)
    idea_a, idea_b = submit(project, alice, "A"), submit(project, bob, "B")
    ideas.idea_merge(idea=idea_a, by=sponsor, duplicates=[idea_b])
    # Sealed still: Bob is credited on A, so he sees it; Alice does not see B's text.
    assert {i.pk for i in selectors_types.ideas_visible_to(user=bob[1], firm=bob[0], project=project)} == {
        idea_a.pk,
        idea_b.pk,
    }
    assert {i.pk for i in selectors_types.ideas_visible_to(user=alice[1], firm=alice[0], project=project)} == {
        idea_a.pk
    }
