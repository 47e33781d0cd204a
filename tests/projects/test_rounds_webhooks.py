"""The rounds' and appeals' webhook events reach exactly the firms entitled to them, without content."""

from __future__ import annotations

import json

import pytest

from platform_ import events
from platform_.api.webhooks import audience_of, outgoing_payload
from projects import services
from tests.factories import firm_with_owner
from tests.projects.rounds_builders import entry_of, open_final, two_phase_judging

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    seen: list[tuple[str, dict]] = []
    for name in ("phase.opened", "entry.shortlisted", "appeal.filed", "appeal.decided"):
        events.subscribe(name, lambda event, payload: seen.append((event, payload)))
    return seen


def test_phase_opened_and_shortlisted_reach_the_sponsor_and_the_shortlist(heard, django_capture_on_commit_callbacks):
    data = two_phase_judging(entries=3)
    outsider, _owner = firm_with_owner()
    firms = {firm.pk for firm, _o in data["solvers"]} | {data["project"].sponsor_id, outsider.pk}
    with django_capture_on_commit_callbacks(execute=True):
        open_final(data, shortlisted=2)
    kept = {data["solvers"][0][0].pk, data["solvers"][1][0].pk}
    (opened,) = [payload for name, payload in heard if name == "phase.opened"]
    assert audience_of("phase.opened", opened, firms) == kept | {data["project"].sponsor_id}
    assert opened["phase"] == 2
    assert opened["final"] is True
    shortlisted = [payload for name, payload in heard if name == "entry.shortlisted"]
    assert len(shortlisted) == 2
    first = shortlisted[0]
    entry = data["project"].entries.get(pk=first["entry_id"])
    team = set(entry.team.members.values_list("firm_id", flat=True))
    assert audience_of("entry.shortlisted", first, firms) == team | {data["project"].sponsor_id}
    assert set(outgoing_payload("entry.shortlisted", first)) == {"project_id", "entry_id", "phase"}


def test_appeal_events_reach_the_sponsor_and_the_appellant_only(heard, django_capture_on_commit_callbacks):
    data = two_phase_judging(entries=2, judges=1)
    project = data["project"]
    open_final(data, shortlisted=2)
    project.refresh_from_db()
    from tests.projects.factories import pass_deadline

    pass_deadline(project)
    services.projects_close_due()
    services.project_transition(project=project, action="start_judging", by=data["sponsor"])
    project.refresh_from_db()
    for _firm, owner in data["solvers"]:
        values = {c.pk: 5 for c in project.criteria.all()}
        services.score_submit(project=project, by=data["judges"][0], entry=entry_of(project, owner), values=values)
    services.panel_close(project=project, by=data["sponsor"])
    project.refresh_from_db()
    firm, owner = data["solvers"][0]
    firms = {f.pk for f, _o in data["solvers"]} | {project.sponsor_id}
    with django_capture_on_commit_callbacks(execute=True):
        appeal = services.appeal_file(
            project=project, by=owner, firm=firm, entry=entry_of(project, owner), reason="SECRET reasoning"
        )
        services.appeal_decide(project=project, by=data["sponsor"], appeal=appeal, upheld=False, answer="Stands")
    (filed,) = [payload for name, payload in heard if name == "appeal.filed"]
    (decided,) = [payload for name, payload in heard if name == "appeal.decided"]
    assert audience_of("appeal.filed", filed, firms) == {project.sponsor_id}
    assert audience_of("appeal.decided", decided, firms) == {project.sponsor_id, firm.pk}
    assert "SECRET" not in json.dumps(outgoing_payload("appeal.filed", filed))
    assert outgoing_payload("appeal.decided", decided)["status"] == "rejected"
