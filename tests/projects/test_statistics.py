"""Competition statistics: counts for solvers, the same for every role, never content or identity."""

from __future__ import annotations

import json

import pytest

from projects import services
from projects.api.serializers_rounds import CompetitionStatisticsOut
from projects.statistics import competition_statistics
from tests.factories import UserFactory
from tests.projects.factories import open_project, solver, upload

pytestmark = pytest.mark.django_db


def _challenge(zhejiang: int = 3, tibet: int = 1):
    project, sponsor = open_project()
    solvers = [solver(project, province="33") for _ in range(zhejiang)]
    solvers += [solver(project, province="54") for _ in range(tibet)]
    for index, (firm, owner) in enumerate(solvers):
        services.entry_submit(
            project=project,
            by=owner,
            firm=firm,
            files=[upload(f"secret design {index}".encode())],
            title=f"Secret title {index}",
            description="Our confidential hinge",
        )
    return project, sponsor, solvers


def test_counts_of_three_or_more_are_shown():
    project, _sponsor, _solvers = _challenge(zhejiang=3, tibet=1)
    stats = competition_statistics(project=project)
    assert stats.terms_accepted == 4
    assert stats.entries == 4
    assert next((p.province, p.firms) for p in stats.provinces) == ("33", 3)
    assert sum(day.entries or 0 for day in stats.entries_over_time) == 4


def test_small_buckets_are_hidden():
    project, _sponsor, _solvers = _challenge(zhejiang=3, tibet=1)
    stats = competition_statistics(project=project)
    provinces = {p.province: p.firms for p in stats.provinces}
    assert "54" not in provinces  # one Tibetan firm would be easy to name
    assert provinces[""] is None  # folded into "other provinces", itself below three


def test_a_challenge_with_two_participants_shows_no_count():
    project, _sponsor, _solvers = _challenge(zhejiang=2, tibet=0)
    stats = competition_statistics(project=project)
    assert stats.terms_accepted is None
    assert stats.entries is None
    assert stats.entries_over_time == []
    assert all(p.firms is None for p in stats.provinces)


@pytest.mark.parametrize("role", ["anonymous", "stranger", "solver", "sponsor", "judge"])
def test_no_role_sees_content_or_identity(client, role):
    project, sponsor, solvers = _challenge(zhejiang=3, tibet=1)
    judge = UserFactory.create()
    services.judge_add(project=project, by=sponsor, user=judge)
    people = {"stranger": UserFactory.create(), "solver": solvers[0][1], "sponsor": sponsor, "judge": judge}
    if role != "anonymous":
        client.force_login(people[role])
    response = client.get(f"/api/v1/projects/{project.pk}/statistics/")
    assert response.status_code == 200
    body = json.dumps(response.json(), ensure_ascii=False)
    for firm, owner in solvers:
        assert firm.name_zh not in body
        assert firm.name_en not in body
        assert owner.email not in body
    assert "Secret title" not in body
    assert "confidential hinge" not in body
    # Nothing depends on who asks: every role reads exactly the same figures.
    expected = CompetitionStatisticsOut(competition_statistics(project=project)).data
    assert response.json() == json.loads(json.dumps(expected))
