"""Spillover tells the contributors tier each firm's outflow in the current run, and a completed run
brings the standings up to date (knowledge cannot read spillover's tables itself)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from clusters.models import ReviewPolicy
from knowledge import tiers
from knowledge.models import ContributorStanding
from platform_.events import publish
from spillover.contributions import firm_outflows
from spillover.models import FirmScore, Run, RunStatus
from tests.factories import ClusterFactory, UserFactory, active_member

pytestmark = pytest.mark.django_db


def _run(*, current: bool, outflows: dict[int, float]) -> Run:
    run = Run.objects.create(status=RunStatus.COMPLETE, is_current=current, as_of=timezone.now())
    FirmScore.objects.bulk_create([FirmScore(run=run, firm_id=f, outflow=v) for f, v in outflows.items()])
    return run


def test_the_outflow_source_reads_the_current_run_only() -> None:
    cluster = ClusterFactory.create()
    firm, _person = active_member(cluster)
    _run(current=False, outflows={firm.pk: 99.0})
    assert firm_outflows([firm.pk]) == {}
    _run(current=True, outflows={firm.pk: 3.5})
    assert firm_outflows([firm.pk]) == {firm.pk: 3.5}


def test_a_completed_run_grants_the_tier_by_outflow(django_capture_on_commit_callbacks) -> None:
    moderator = UserFactory.create()
    cluster = ClusterFactory.create(asset_review=ReviewPolicy.AFTER, moderators=[moderator])
    firm, _person = active_member(cluster)
    tiers.contributor_rule_set(cluster=cluster, by=moderator, min_assets=0, min_outflow=2.0)
    assert not ContributorStanding.objects.get(cluster=cluster, firm=firm).eligible
    run = _run(current=True, outflows={firm.pk: 2.5})
    with django_capture_on_commit_callbacks(execute=True):
        publish("spillover.run.completed", run_id=run.pk)
    assert ContributorStanding.objects.get(cluster=cluster, firm=firm).eligible
