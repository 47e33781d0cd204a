"""Evaluator workflows: assignment (by hand and balanced), judges' queues, minimum reviews, z-scores and notes."""

from __future__ import annotations

from collections import Counter

import pytest

from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, NotAllowed
from projects import selectors, selectors_rounds, services
from projects.models import Judge
from projects.models_rounds import Assignment
from tests.factories import FirmMemberFactory, UserFactory
from tests.projects.rounds_builders import entry_of, score, two_phase_judging

pytestmark = pytest.mark.django_db


def _judges(project):
    return list(Judge.objects.filter(project=project).order_by("id"))


def test_automatic_assignment_spreads_the_load_within_one_entry_per_judge():
    data = two_phase_judging(entries=7, judges=3)
    project = data["project"]
    made = services.assignments_auto(project=project, by=data["sponsor"], reviews_per_entry=2)
    assert len(made) == 14
    per_entry = Counter(a.entry_id for a in made)
    assert set(per_entry.values()) == {2}
    load = Counter(a.judge_id for a in made)
    assert max(load.values()) - min(load.values()) <= 1
    assert all(len({(a.judge_id, a.entry_id) for a in made if a.entry_id == e}) == 2 for e in per_entry)
    assert AuditEntry.objects.filter(action="project.assign_auto", actor=data["sponsor"]).exists()


def test_automatic_assignment_never_gives_a_judge_a_conflicted_entry():
    data = two_phase_judging(entries=4, judges=3)
    project = data["project"]
    conflicted = _judges(project)[0]
    entry = entry_of(project, data["solvers"][0][1])
    services.conflict_declare(project=project, by=conflicted.user, team=entry.team, reason="Former employer")
    # A judge who now works at one of the teams' firms is conflicted by the existing rules too.
    other = entry_of(project, data["solvers"][1][1])
    FirmMemberFactory.create(user=_judges(project)[1].user, firm=other.team.lead)
    made = services.assignments_auto(project=project, by=data["sponsor"], reviews_per_entry=1)
    for assignment in made:
        assert not selectors.conflicts_of(judge=assignment.judge, team=assignment.entry.team)
    assert not any(a.judge_id == conflicted.pk and a.entry_id == entry.pk for a in made)


def test_automatic_assignment_refuses_when_too_few_judges_are_free():
    data = two_phase_judging(entries=2, judges=2)
    project = data["project"]
    entry = entry_of(project, data["solvers"][0][1])
    services.conflict_declare(project=project, by=data["judges"][0], team=entry.team, reason="Cousin")
    with pytest.raises(Conflict):
        services.assignments_auto(project=project, by=data["sponsor"], reviews_per_entry=2)
    assert not Assignment.objects.filter(project=project).exists()


def test_manual_assignment_refuses_a_conflicted_entry():
    data = two_phase_judging(entries=2, judges=1)
    project = data["project"]
    judge = _judges(project)[0]
    entry = entry_of(project, data["solvers"][0][1])
    services.conflict_declare(project=project, by=judge.user, team=entry.team, reason="Cousin")
    with pytest.raises(NotAllowed):
        services.assignment_set(project=project, by=data["sponsor"], judge=judge, entries=[entry])


def test_only_the_sponsor_assigns():
    data = two_phase_judging(entries=1, judges=1)
    with pytest.raises(NotAllowed):
        services.assignments_auto(project=data["project"], by=data["judges"][0], reviews_per_entry=1)


def test_once_assigned_a_judge_scores_only_their_entries_and_the_queue_shows_progress():
    data = two_phase_judging(entries=2, judges=2)
    project = data["project"]
    first, second = (entry_of(project, owner) for _f, owner in data["solvers"])
    judge = _judges(project)[0]
    services.assignment_set(project=project, by=data["sponsor"], judge=judge, entries=[first])
    with pytest.raises(NotAllowed):
        score(project, judge.user, second, 5)
    queue = selectors_rounds.judge_queue(user=judge.user, project=project)
    assert [(item.entry.pk, item.reviewed) for item in queue] == [(first.pk, False)]
    score(project, judge.user, first, 5)
    queue = selectors_rounds.judge_queue(user=judge.user, project=project)
    assert [(item.entry.pk, item.reviewed) for item in queue] == [(first.pk, True)]


def test_an_entry_below_the_minimum_reviews_is_not_ranked_and_the_ranking_says_so():
    data = two_phase_judging(entries=2, judges=2)
    project = data["project"]
    project.min_reviews = 2
    project.save()
    once, twice = (entry_of(project, owner) for _f, owner in data["solvers"])
    score(project, data["judges"][0], once, 10)  # one glowing review only
    score(project, data["judges"][0], twice, 6)
    score(project, data["judges"][1], twice, 6)
    rows = {row.entry.pk: row for row in selectors.ranking(project=project)}
    assert rows[twice.pk].rank == 1
    assert rows[once.pk].rank is None
    assert rows[once.pk].below_minimum
    assert rows[once.pk].judges == 1


def test_z_scores_correct_a_lenient_and_a_strict_judge():
    data = two_phase_judging(entries=2, judges=2)
    project = data["project"]
    a, b = (entry_of(project, owner) for _f, owner in data["solvers"])
    lenient, strict = data["judges"]
    score(project, lenient, a, 10)
    score(project, lenient, b, 8)
    score(project, strict, a, 4)
    score(project, strict, b, 2)
    rows = {row.entry.pk: row for row in selectors.ranking(project=project)}
    assert rows[a.pk].z_score == 1.0
    assert rows[b.pk].z_score == -1.0
    a_score, b_score = rows[a.pk].score, rows[b.pk].score
    assert a_score is not None
    assert b_score is not None
    assert a_score > b_score


def test_private_notes_stay_with_the_panel_and_the_note_to_the_solver_reaches_its_team():
    data = two_phase_judging(entries=1, judges=2)
    project = data["project"]
    entry = entry_of(project, data["solvers"][0][1])
    values = {c.pk: 5 for c in project.criteria.all()}
    services.review_submit(
        project=project,
        by=data["judges"][0],
        entry=entry,
        values=values,
        private_note="Looks copied from the 2019 catalogue",
        solver_note="Show the hinge load case.",
    )
    solver_owner = data["solvers"][0][1]
    other_judge = data["judges"][1]
    # Before the scores are published: the author sees their note, nobody else does.
    assert selectors_rounds.reviews_visible_to(user=other_judge, project=project, entry=entry).count() == 0
    assert selectors_rounds.solver_notes_for(user=solver_owner, project=project, entry=entry) == []
    services.panel_close(project=project, by=data["sponsor"])
    project.refresh_from_db()
    assert selectors_rounds.reviews_visible_to(user=other_judge, project=project, entry=entry).count() == 1
    assert selectors_rounds.reviews_visible_to(user=data["sponsor"], project=project, entry=entry).count() == 1
    assert selectors_rounds.reviews_visible_to(user=solver_owner, project=project, entry=entry).count() == 0
    assert selectors_rounds.solver_notes_for(user=solver_owner, project=project, entry=entry) == [
        "Show the hinge load case."
    ]
    assert selectors_rounds.solver_notes_for(user=UserFactory.create(), project=project, entry=entry) == []


def test_the_evaluation_rules_are_fixed_once_the_scores_are_published():
    data = two_phase_judging(entries=1, judges=1)
    project = data["project"]
    services.evaluation_settings_set(
        project=project, by=data["sponsor"], min_reviews=1, appeal_window_hours=24, normalise_scores=True
    )
    assert AuditEntry.objects.filter(action="project.evaluation_set").exists()
    score(project, data["judges"][0], entry_of(project, data["solvers"][0][1]), 5)
    services.panel_close(project=project, by=data["sponsor"])
    with pytest.raises(Conflict):
        services.evaluation_settings_set(project=project, by=data["sponsor"], appeal_window_hours=500)
    services.evaluation_settings_set(project=project, by=data["sponsor"], normalise_scores=False)
    with pytest.raises(NotAllowed):
        services.evaluation_settings_set(project=project, by=data["judges"][0], normalise_scores=True)


def test_the_ranking_api_says_when_an_entry_is_not_ranked(client):
    data = two_phase_judging(entries=2, judges=2)
    project = data["project"]
    services.evaluation_settings_set(project=project, by=data["sponsor"], min_reviews=2)
    once, twice = (entry_of(project, owner) for _f, owner in data["solvers"])
    score(project, data["judges"][0], once, 10)
    score(project, data["judges"][0], twice, 6)
    score(project, data["judges"][1], twice, 6)
    services.panel_close(project=project, by=data["sponsor"])
    client.force_login(data["sponsor"])
    rows = {row["entry"]: row for row in client.get(f"/api/v1/projects/{project.pk}/ranking/").json()}
    assert rows[once.pk]["below_minimum"] is True
    assert rows[once.pk]["rank"] is None
    assert rows[twice.pk]["rank"] == 1
    page = client.get(project.get_absolute_url()).content.decode()
    assert 'data-testid="below-minimum"' in page
