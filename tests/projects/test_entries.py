"""Terms, Q&A, teams, sealed entries, the deadline and receipts."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.notifications.models import Notification
from projects import selectors, services
from projects.models import Eligibility, EntryVersion, TeamFirm, TermsAcceptance
from tests.factories import ClusterFactory, UserFactory, active_member, firm_with_owner
from tests.projects.factories import (
    closed_with_entries,
    open_project,
    pass_deadline,
    solver,
    upload,
)

pytestmark = pytest.mark.django_db


def test_confidential_brief_only_after_terms_are_accepted():
    project, _sponsor = open_project()
    firm, owner = firm_with_owner()
    assert not selectors.can_see_confidential(user=owner, firm=firm, project=project)
    services.terms_accept(project=project, by=owner, firm=firm)
    assert selectors.can_see_confidential(user=owner, firm=firm, project=project)


def test_acceptance_is_recorded_with_person_and_digest():
    project, _sponsor = open_project()
    firm, owner = solver(project)
    acceptance = TermsAcceptance.objects.get(project=project, firm=firm)
    assert acceptance.user == owner
    assert acceptance.terms_sha256 == services.terms_digest(project)


def test_sponsor_firm_cannot_take_part():
    project, sponsor = open_project()
    with pytest.raises(NotAllowed):
        services.terms_accept(project=project, by=sponsor, firm=project.sponsor)


def test_cluster_restricted_project_refuses_outsiders():
    cluster = ClusterFactory.create(asset_review="after")
    project, _sponsor = open_project(eligibility=Eligibility.CLUSTERS)
    project.eligible_clusters.set([cluster])
    outsider, outsider_owner = firm_with_owner()
    with pytest.raises(NotAllowed):
        services.terms_accept(project=project, by=outsider_owner, firm=outsider)
    member, member_owner = active_member(cluster)
    services.terms_accept(project=project, by=member_owner, firm=member)


def test_invited_project_accepts_only_invited_firms():
    project, _sponsor = open_project(eligibility=Eligibility.INVITED)
    invited, invited_owner = firm_with_owner()
    project.invited_firms.set([invited])
    other, other_owner = firm_with_owner()
    with pytest.raises(NotAllowed):
        services.terms_accept(project=project, by=other_owner, firm=other)
    services.terms_accept(project=project, by=invited_owner, firm=invited)


def test_invited_project_is_invisible_to_others():
    project, _sponsor = open_project(eligibility=Eligibility.INVITED)
    _firm, stranger = firm_with_owner()
    assert not selectors.projects_visible_to(user=stranger).filter(pk=project.pk).exists()


def test_drafts_are_visible_only_to_their_sponsor():
    from tests.projects.factories import sponsor_project

    project, owner = sponsor_project()
    assert selectors.projects_visible_to(user=owner).filter(pk=project.pk).exists()
    assert not selectors.projects_visible_to(user=UserFactory.create()).filter(pk=project.pk).exists()


def test_question_needs_accepted_terms():
    project, _sponsor = open_project()
    firm, owner = firm_with_owner()
    with pytest.raises(NotAllowed):
        services.question_ask(project=project, by=owner, firm=firm, text="Tolerance?")


def test_public_answer_notifies_every_solver():
    project, sponsor = open_project()
    asker, asker_owner = solver(project)
    _other, other_owner = solver(project)
    question = services.question_ask(project=project, by=asker_owner, firm=asker, text="Tolerance?")
    services.question_answer(question=question, by=sponsor, answer="0.1 mm", public=True)
    assert Notification.objects.filter(recipient=other_owner, kind="project.answer").exists()
    assert Notification.objects.filter(recipient=asker_owner, kind="project.answer").exists()


def test_private_answer_reaches_only_the_asking_firm():
    project, sponsor = open_project()
    asker, asker_owner = solver(project)
    other, other_owner = solver(project)
    question = services.question_ask(project=project, by=asker_owner, firm=asker, text="Our own material?")
    services.question_answer(question=question, by=sponsor, answer="Yes", public=False)
    assert not Notification.objects.filter(recipient=other_owner, kind="project.answer").exists()
    assert Notification.objects.filter(recipient=asker_owner, kind="project.answer").exists()
    assert not selectors.questions_visible_to(user=other_owner, firm=other, project=project).exists()
    assert selectors.questions_visible_to(user=asker_owner, firm=asker, project=project).count() == 1


def test_solver_cannot_answer():
    project, _sponsor = open_project()
    asker, asker_owner = solver(project)
    question = services.question_ask(project=project, by=asker_owner, firm=asker, text="?")
    with pytest.raises(NotAllowed):
        services.question_answer(question=question, by=asker_owner, answer="!")


def test_team_of_two_firms_with_shares():
    project, _sponsor = open_project()
    lead, lead_owner = solver(project)
    partner, partner_owner = solver(project)
    team = services.team_create(
        project=project, by=lead_owner, firm=lead, name="Loom Co-op", partners=[(partner, Decimal("0.4"))]
    )
    services.team_invitation_decide(invitation=team.invitations.get(), by=partner_owner, accept=True)
    shares = dict(TeamFirm.objects.filter(team=team).values_list("firm_id", "share"))
    assert shares == {lead.pk: Decimal("0.6"), partner.pk: Decimal("0.4")}


def test_team_partner_must_have_accepted_terms():
    project, _sponsor = open_project()
    lead, lead_owner = solver(project)
    partner, _ = firm_with_owner()
    with pytest.raises(NotAllowed):
        services.team_create(project=project, by=lead_owner, firm=lead, partners=[(partner, Decimal("0.5"))])


def test_shares_must_leave_some_for_the_lead():
    project, _sponsor = open_project()
    lead, lead_owner = solver(project)
    partner, _ = solver(project)
    with pytest.raises(DomainError):
        services.team_create(project=project, by=lead_owner, firm=lead, partners=[(partner, Decimal("1"))])


def test_a_firm_is_on_one_team_only():
    project, _sponsor = open_project()
    lead, lead_owner = solver(project)
    partner, partner_owner = solver(project)
    team = services.team_create(project=project, by=lead_owner, firm=lead, partners=[(partner, Decimal("0.5"))])
    services.team_invitation_decide(invitation=team.invitations.get(), by=partner_owner, accept=True)
    with pytest.raises(Conflict):
        services.team_create(project=project, by=partner_owner, firm=partner)


def test_submission_needs_accepted_terms():
    project, _sponsor = open_project()
    firm, owner = firm_with_owner()
    with pytest.raises(NotAllowed):
        services.entry_submit(project=project, by=owner, firm=firm, files=[upload()])


def test_versions_are_numbered_and_the_last_counts():
    project, _sponsor = open_project()
    firm, owner = solver(project)
    services.entry_submit(project=project, by=owner, firm=firm, files=[upload(b"one")])
    second = services.entry_submit(project=project, by=owner, firm=firm, files=[upload(b"two")])
    assert second.number == 2
    assert second.entry.latest == second


def test_submission_after_the_deadline_is_refused_with_a_clear_message():
    project, _sponsor = open_project()
    firm, owner = solver(project)
    pass_deadline(project)
    with pytest.raises(services.DeadlinePassed) as refused:
        services.entry_submit(project=project, by=owner, firm=firm, files=[upload()])
    assert "closed at" in str(refused.value.message) or "截止" in str(refused.value.message)
    assert not EntryVersion.objects.filter(entry__project=project).exists()


def test_entries_are_sealed_from_other_solvers_sponsor_and_judges_before_close():
    project, sponsor = open_project()
    firm, owner = solver(project)
    _other, other_owner = solver(project)
    judge = UserFactory.create()
    services.judge_add(project=project, by=sponsor, user=judge)
    services.entry_submit(project=project, by=owner, firm=firm, files=[upload()])
    assert selectors.sealed_entries_visible_to(user=owner, project=project).count() == 1
    for person in (other_owner, sponsor, judge):
        assert selectors.sealed_entries_visible_to(user=person, project=project).count() == 0


def test_entries_open_to_judges_and_sponsor_after_close_but_never_to_other_solvers():
    data = closed_with_entries(2)
    project = data["project"]
    assert selectors.sealed_entries_visible_to(user=data["judge"], project=project).count() == 2
    assert selectors.sealed_entries_visible_to(user=data["sponsor"], project=project).count() == 2
    assert selectors.sealed_entries_visible_to(user=data["solvers"][0][1], project=project).count() == 1


def test_entry_notifications_carry_no_content_and_reach_only_the_team():
    project, sponsor = open_project()
    firm, owner = solver(project)
    _other, other_owner = solver(project)
    services.entry_submit(
        project=project, by=owner, firm=firm, files=[upload(b"secret")], description="SECRET-DESIGN-IDEA"
    )
    assert not Notification.objects.filter(recipient__in=[sponsor, other_owner], kind__startswith="project.entry")
    for note in Notification.objects.all():
        assert "SECRET-DESIGN-IDEA" not in note.title + note.body + json.dumps(note.data)


def test_entry_submitted_event_has_ids_not_content(django_capture_on_commit_callbacks):
    from platform_ import events

    seen = []
    events.subscribe("entry.submitted", lambda name, payload: seen.append(payload))
    project, _sponsor = open_project()
    firm, owner = solver(project)
    with django_capture_on_commit_callbacks(execute=True):
        version = services.entry_submit(project=project, by=owner, firm=firm, files=[upload()], description="SECRET")
    payload = seen[-1]
    assert payload["project_id"] == project.pk
    assert payload["entry_id"] == version.entry_id
    assert payload["team_firm_ids"] == [firm.pk]
    assert "SECRET" not in json.dumps(payload)


def test_receipt_verifies_the_same_file():
    project, _sponsor = open_project()
    firm, owner = solver(project)
    version = services.entry_submit(project=project, by=owner, firm=firm, files=[upload(b"gear drawing")])
    receipt = services.receipt_for(version=version)
    check = services.receipt_verify(receipt=json.dumps(receipt), file=upload(b"gear drawing"))
    assert check.receipt_valid
    assert check.matches


def test_a_changed_file_no_longer_matches_its_receipt():
    project, _sponsor = open_project()
    firm, owner = solver(project)
    version = services.entry_submit(project=project, by=owner, firm=firm, files=[upload(b"gear drawing")])
    receipt = services.receipt_for(version=version)
    check = services.receipt_verify(receipt=receipt, file=upload(b"gear drawing, changed"))
    assert check.receipt_valid
    assert not check.matches


def test_an_altered_receipt_is_refused():
    project, _sponsor = open_project()
    firm, owner = solver(project)
    version = services.entry_submit(project=project, by=owner, firm=firm, files=[upload(b"a")])
    receipt = services.receipt_for(version=version)
    receipt["submitted_at"] = "2020-01-01T00:00:00+00:00"
    check = services.receipt_verify(receipt=receipt, file=upload(b"a"))
    assert not check.receipt_valid


def test_garbage_receipt_is_not_an_error():
    check = services.receipt_verify(receipt="not json", file=upload(b"a"))
    assert not check.receipt_valid
    assert not check.matches


def test_room_allows_sponsor_solvers_judges_and_refuses_strangers(admin_user):
    project, sponsor = open_project()
    _firm, solver_owner = solver(project)
    judge = UserFactory.create()
    services.judge_add(project=project, by=sponsor, user=judge)
    for person in (sponsor, solver_owner, judge, admin_user):
        assert selectors.project_room_allowed(user=person, project_id=project.pk)
    assert not selectors.project_room_allowed(user=UserFactory.create(), project_id=project.pk)
    assert not selectors.project_room_allowed(user=sponsor, project_id=project.pk + 999)


def test_an_entry_meeting_a_failing_store_is_refused_clearly_and_nothing_is_kept(settings, tmp_path):
    from platform_.outage import FileStoreUnavailable
    from projects.models import EntryVersion
    from tests.projects.factories import open_project, solver, upload

    project, _sponsor = open_project()
    firm, owner = solver(project)
    (tmp_path / "blocker").write_text("not a directory")
    settings.MEDIA_ROOT = tmp_path / "blocker" / "media"  # every write of the store fails
    with pytest.raises(FileStoreUnavailable):
        services.entry_submit(
            project=project, by=owner, firm=firm, files=[upload(b"a", "a.txt"), upload(b"b", "b.txt")], title="T"
        )
    assert not EntryVersion.objects.exists()
    assert sorted(path.name for path in tmp_path.rglob("*")) == ["blocker"]
