"""Rounds: phases, the shortlist, revised entries in the next phase and the guaranteed award."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.notifications.models import Notification
from projects import selectors_rounds, services
from projects.models import EntryOutcome, ProjectStatus, ProjectTransition
from tests.projects.factories import judging, open_project, pass_deadline, sponsor_project, upload
from tests.projects.rounds_builders import entry_of, open_final, score, two_phase_judging

pytestmark = pytest.mark.django_db


def test_the_first_phase_deadline_is_the_projects_deadline():
    project, sponsor = sponsor_project()
    deadline = timezone.now() + timedelta(days=3)
    services.phase_add(project=project, by=sponsor, name="Qualifying", deadline=deadline)
    project.refresh_from_db()
    assert project.deadline == deadline


def test_phases_must_follow_each_other():
    project, sponsor = sponsor_project()
    services.phase_add(project=project, by=sponsor, name="Qualifying", deadline=timezone.now() + timedelta(days=9))
    with pytest.raises(DomainError) as refused:
        services.phase_add(project=project, by=sponsor, name="Final", deadline=timezone.now() + timedelta(days=2))
    assert refused.value.field == "deadline"


def test_the_next_phase_does_not_open_without_a_shortlist():
    data = two_phase_judging()
    with pytest.raises(Conflict):
        services.phase_open_next(project=data["project"], by=data["sponsor"])
    assert data["project"].phase_number == 1


def test_no_entry_of_the_next_phase_before_the_shortlist_opens_it():
    data = two_phase_judging()
    firm, owner = data["solvers"][0]
    with pytest.raises(Conflict):
        services.entry_submit(project=data["project"], by=owner, firm=firm, files=[upload(b"early revision")])


def test_only_shortlisted_teams_submit_in_the_final_phase():
    data = two_phase_judging(entries=3)
    project = open_final(data, shortlisted=2)
    firm, owner = data["solvers"][2]
    with pytest.raises(NotAllowed):
        services.entry_submit(project=project, by=owner, firm=firm, files=[upload(b"not invited")])


def test_a_firm_new_to_the_challenge_cannot_enter_the_final_phase():
    from tests.projects.factories import solver

    data = two_phase_judging()
    project = open_final(data)
    firm, owner = solver(project)
    with pytest.raises(NotAllowed):
        services.entry_submit(project=project, by=owner, firm=firm, files=[upload(b"late newcomer")])


def test_a_revised_entry_is_a_new_version_with_its_own_receipt():
    data = two_phase_judging()
    project = open_final(data)
    firm, owner = data["solvers"][0]
    version = services.entry_submit(project=project, by=owner, firm=firm, files=[upload(b"%PDF-1.4 revised")])
    assert version.number == 2
    assert version.phase_number == 2
    first = version.entry.versions.get(number=1)
    assert services.receipt_for(version=version)["digest"] != services.receipt_for(version=first)["digest"]


def test_opening_the_next_phase_is_audited_recorded_and_reopens_entries():
    data = two_phase_judging()
    project = open_final(data)
    assert project.status == ProjectStatus.OPEN
    assert project.phase_number == 2
    phase = selectors_rounds.current_phase(project=project)
    assert phase is not None
    assert project.deadline == phase.deadline
    assert ProjectTransition.objects.filter(project=project, action="open_phase").exists()
    assert AuditEntry.objects.filter(action="project.open_phase", actor=data["sponsor"]).exists()


def test_shortlisted_teams_get_their_feedback_and_the_others_a_kind_word():
    data = two_phase_judging(entries=3)
    open_final(data, shortlisted=2)
    shortlisted = Notification.objects.get(recipient=data["solvers"][0][1], kind="project.shortlisted")
    assert shortlisted.body == "Lighter hinge, please."
    thanked = Notification.objects.get(recipient=data["solvers"][2][1], kind="project.not_shortlisted")
    assert thanked.data["i18n"]["body"]["key"].startswith("Thank you for the work")  # each reader's language
    assert not Notification.objects.filter(recipient=data["solvers"][2][1], kind="project.shortlisted").exists()


def test_the_shortlist_respects_the_phase_limit():
    data = two_phase_judging(entries=3)
    project = data["project"]
    phase = selectors_rounds.current_phase(project=project)
    assert phase is not None
    phase.shortlist_limit = 1
    phase.save()
    entries = [entry_of(project, owner).pk for _f, owner in data["solvers"][:2]]
    with pytest.raises(DomainError) as refused:
        services.shortlist_set(project=project, by=data["sponsor"], entry_ids=entries)
    assert refused.value.field == "entries"


def test_the_guaranteed_award_cannot_be_cancelled_once_the_final_phase_opens():
    data = two_phase_judging()
    project = open_final(data)
    with pytest.raises(Conflict):
        services.project_transition(project=project, action="cancel", by=data["sponsor"], reason="Changed our mind")
    assert "cancel" not in services.allowed_actions(project=project, user=data["sponsor"])


def test_a_multi_phase_project_can_still_be_cancelled_in_its_first_phase():
    data = two_phase_judging()
    services.project_transition(project=data["project"], action="cancel", by=data["sponsor"], reason="Budget cut")


def test_a_one_phase_project_can_be_cancelled_while_judging():
    data = judging(1)
    services.project_transition(project=data["project"], action="cancel", by=data["sponsor"], reason="Budget cut")


def test_no_award_before_the_final_phase():
    data = two_phase_judging()
    project = data["project"]
    for entry in project.entries.all():
        score(project, data["judges"][0], entry, 7)
    services.panel_close(project=project, by=data["sponsor"])
    with pytest.raises(Conflict):
        services.project_award(project=project, by=data["sponsor"], winners=[project.entries.first()])


def test_the_final_phase_ranks_only_the_shortlist_on_its_own_scores():
    data = two_phase_judging(entries=3)
    project = data["project"]
    for entry in project.entries.all():
        score(project, data["judges"][0], entry, 9)
    project = open_final(data, shortlisted=2)
    pass_deadline(project)
    services.projects_close_due()
    services.project_transition(project=project, action="start_judging", by=data["sponsor"])
    project.refresh_from_db()
    from projects import selectors

    rows = selectors.ranking(project=project)
    assert len(rows) == 2
    assert all(row.score is None for row in rows)
    assert {row.entry.outcome for row in rows} == {EntryOutcome.SHORTLISTED}


def test_a_single_phase_project_behaves_as_before():
    project, _sponsor = open_project()
    assert selectors_rounds.phase_count(project=project) == 1
    assert selectors_rounds.is_final_phase(project=project)
    assert not selectors_rounds.award_guaranteed(project=project)
