"""Appeals: within the window, answered by the panel, an upheld appeal lets the judge revise the score."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, NotAllowed, NotFound
from platform_.notifications.models import Notification
from projects import selectors, selectors_rounds, services
from projects.models import Project
from projects.models_rounds import AppealStatus
from tests.projects.factories import judging, upload


def _published(entries: int = 2):
    data = judging(entries)
    project = data["project"]
    for index, entry in enumerate(project.entries.order_by("id")):
        values = {c.pk: min(4 + 4 * index, c.scale_max) for c in project.criteria.all()}
        services.score_submit(project=project, by=data["judge"], entry=entry, values=values)
    services.panel_close(project=project, by=data["sponsor"])
    project.refresh_from_db()
    return data


def _first(data):
    firm, owner = data["solvers"][0]
    return firm, owner, data["project"].entries.get(team__members__firm=firm)


pytestmark = pytest.mark.django_db


def test_a_solver_appeals_within_the_window_and_the_panel_hears_of_it():
    data = _published()
    firm, owner, entry = _first(data)
    appeal = services.appeal_file(
        project=data["project"], by=owner, firm=firm, entry=entry, reason="Criterion 2 misread", attachment=upload()
    )
    assert appeal.status == AppealStatus.PENDING
    assert appeal.attachment_sha256
    assert Notification.objects.filter(recipient=data["judge"], kind="project.appeal").exists()
    assert AuditEntry.objects.filter(action="project.appeal_file", actor=owner).exists()


def test_an_appeal_outside_its_window_is_refused():
    data = _published()
    project = data["project"]
    Project.objects.filter(pk=project.pk).update(panel_closed_at=timezone.now() - timedelta(hours=73))
    project.refresh_from_db()
    firm, owner, entry = _first(data)
    with pytest.raises(Conflict) as refused:
        services.appeal_file(project=project, by=owner, firm=firm, entry=entry, reason="Too late?")
    assert refused.value.code == "appeal_window_closed"


def test_the_window_is_the_challenges_own():
    data = _published()
    project = data["project"]
    Project.objects.filter(pk=project.pk).update(
        appeal_window_hours=200, panel_closed_at=timezone.now() - timedelta(hours=100)
    )
    project.refresh_from_db()
    firm, owner, entry = _first(data)
    services.appeal_file(project=project, by=owner, firm=firm, entry=entry, reason="Within 200 h")


def test_no_appeal_before_the_scores_are_published():
    data = judging(1)
    firm, owner = data["solvers"][0]
    entry = data["project"].entries.get()
    with pytest.raises(Conflict):
        services.appeal_file(project=data["project"], by=owner, firm=firm, entry=entry, reason="Early")


def test_only_the_entrys_team_appeals():
    data = _published()
    other_firm, other_owner = data["solvers"][1]
    _firm, _owner, entry = _first(data)
    with pytest.raises(NotFound):
        services.appeal_file(project=data["project"], by=other_owner, firm=other_firm, entry=entry, reason="Theirs")


def test_an_upheld_appeal_lets_the_judge_revise_with_old_and_new_in_the_audit_trail():
    data = _published()
    project = data["project"]
    firm, owner, entry = _first(data)
    before = {row.entry.pk: row for row in selectors.ranking(project=project)}
    assert before[entry.pk].rank == 2
    criteria = list(project.criteria.all())
    with pytest.raises(Conflict):
        services.score_revise(project=project, by=data["judge"], entry=entry, values={criteria[0].pk: 10})
    appeal = services.appeal_file(project=project, by=owner, firm=firm, entry=entry, reason="Weight misread")
    with pytest.raises(Conflict):
        services.project_award(project=project, by=data["sponsor"], winners=[entry])
    services.appeal_decide(project=project, by=data["sponsor"], appeal=appeal, upheld=True, answer="Agreed.")
    services.score_revise(project=project, by=data["judge"], entry=entry, values={c.pk: c.scale_max for c in criteria})
    record = AuditEntry.objects.get(action="project.score_revise")
    assert record.data["old"] == {str(criteria[0].pk): 4, str(criteria[1].pk): 4}
    assert record.data["new"] == {str(criteria[0].pk): 10, str(criteria[1].pk): 5}
    after = {row.entry.pk: row for row in selectors.ranking(project=project)}
    assert after[entry.pk].rank == 1
    assert Notification.objects.filter(recipient=owner, kind="project.appeal_decided").exists()
    assert Notification.objects.filter(recipient=owner, kind="project.score_revised").exists()
    services.project_award(project=project, by=data["sponsor"], winners=[entry])


def test_a_rejected_appeal_does_not_open_the_scores():
    data = _published()
    project = data["project"]
    firm, owner, entry = _first(data)
    appeal = services.appeal_file(project=project, by=owner, firm=firm, entry=entry, reason="Unfair")
    services.appeal_decide(project=project, by=data["judge"], appeal=appeal, upheld=False, answer="Scores stand.")
    with pytest.raises(Conflict):
        services.score_revise(project=project, by=data["judge"], entry=entry, values={project.criteria.first().pk: 10})


def test_a_solver_cannot_decide_an_appeal():
    data = _published()
    project = data["project"]
    firm, owner, entry = _first(data)
    appeal = services.appeal_file(project=project, by=owner, firm=firm, entry=entry, reason="Unfair")
    with pytest.raises(NotAllowed):
        services.appeal_decide(project=project, by=owner, appeal=appeal, upheld=True, answer="Yes please")


def test_appeals_are_seen_by_the_panel_and_the_appellant_only():
    data = _published()
    project = data["project"]
    firm, owner, entry = _first(data)
    services.appeal_file(project=project, by=owner, firm=firm, entry=entry, reason="Unfair")
    assert selectors_rounds.appeals_visible_to(user=owner, project=project).count() == 1
    assert selectors_rounds.appeals_visible_to(user=data["sponsor"], project=project).count() == 1
    assert selectors_rounds.appeals_visible_to(user=data["judge"], project=project).count() == 1
    assert selectors_rounds.appeals_visible_to(user=data["solvers"][1][1], project=project).count() == 0


def test_the_attachment_goes_to_the_panel_and_the_team_only(client):
    data = _published()
    project = data["project"]
    firm, owner, entry = _first(data)
    appeal = services.appeal_file(
        project=project, by=owner, firm=firm, entry=entry, reason="See the test report", attachment=upload()
    )
    url = f"/api/v1/projects/{project.pk}/appeals/{appeal.pk}/attachment/"
    page_url = f"/projects/{project.pk}/appeals/{appeal.pk}/attachment/"
    for person in (data["sponsor"], data["judge"], owner):
        client.force_login(person)
        assert client.get(url).status_code == 200
        assert client.get(page_url).status_code == 200
    client.force_login(data["solvers"][1][1])
    assert client.get(url).status_code == 404
    assert client.get(page_url).status_code == 404


def test_a_conflicted_judge_cannot_answer_the_teams_appeal():
    data = _published()
    project = data["project"]
    firm, owner, entry = _first(data)
    appeal = services.appeal_file(project=project, by=owner, firm=firm, entry=entry, reason="Unfair")
    services.conflict_declare(project=project, by=data["judge"], team=entry.team, reason="Met them at a fair")
    with pytest.raises(NotAllowed):
        services.appeal_decide(project=project, by=data["judge"], appeal=appeal, upheld=True, answer="Sure")


def test_an_appeal_whose_attachment_meets_a_failing_store_is_refused_clearly_and_nothing_is_kept(settings, tmp_path):
    from platform_.outage import FileStoreUnavailable
    from projects.models_rounds import Appeal

    data = _published()
    firm, owner, entry = _first(data)
    (tmp_path / "blocker").write_text("not a directory")
    settings.MEDIA_ROOT = tmp_path / "blocker" / "media"  # every write of the store fails
    with pytest.raises(FileStoreUnavailable) as refused:
        services.appeal_file(
            project=data["project"], by=owner, firm=firm, entry=entry, reason="See the report", attachment=upload()
        )
    assert refused.value.code == "file_store_unavailable"
    assert not Appeal.objects.exists()
    assert sorted(path.name for path in tmp_path.rglob("*")) == ["blocker"]
