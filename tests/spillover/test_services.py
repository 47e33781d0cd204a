"""Full recompute from PostgreSQL and incremental folding, against the pure model."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from django.core.management import call_command

from knowledge.models import AssetOwnership, UseEvent
from platform_.errors import DomainError
from platform_.identity.models import Firm
from spillover import model as m
from spillover import services
from spillover.models import AssetScore, ClusterScore, FirmScore, FlowEdge, RegionScore, Run, RunStatus
from tests.spillover.factories import add_events, build_world

pytestmark = pytest.mark.django_db


def scores(run: Run) -> dict[str, dict]:
    return {
        "firms": {f.firm_id: (f.inflow, f.outflow, f.absorption) for f in FirmScore.objects.filter(run=run)},
        "edges": {(e.absorber_id, e.source_id): e.value for e in FlowEdge.objects.filter(run=run)},
        "assets": {a.asset_id: a.uses for a in AssetScore.objects.filter(run=run)},
        "clusters": {c.cluster_id: (c.internal, c.external, c.csi, c.ei) for c in ClusterScore.objects.filter(run=run)},
    }


def assert_same(a: dict, b: dict, keys: tuple[str, ...] = ("firms", "edges", "assets", "clusters")) -> None:
    for key in keys:
        assert set(a[key]) == set(b[key]), key
        for k in a[key]:
            assert np.allclose(a[key][k], b[key][k], rtol=1e-7, atol=1e-9), (key, k)


def full_run(as_of) -> Run:
    run = services.run_start(as_of=as_of)
    return services.run_compute(run_id=run.pk, batch_rows=7)


def test_full_recompute_matches_the_pure_model_on_the_same_data():
    world = build_world(3)
    add_events(world, 80)
    run = full_run(world.as_of)
    assert run.status == RunStatus.COMPLETE
    assert run.is_current
    # the pure model fed straight from the ORM
    firms = sorted(f.pk for f in world.firms)
    assets = sorted(a.pk for a in world.assets)
    own_rows = list(AssetOwnership.objects.values_list("asset_id", "firm_id", "share"))
    own = np.zeros((len(assets), len(firms)))
    for a, f, s in own_rows:
        own[assets.index(a), firms.index(f)] = float(s)
    ev = list(UseEvent.objects.values_list("firm_id", "asset_id", "kind", "occurred_at"))
    acc = m.FlowAccumulator(m.Structure(own), m.Parameters(), as_of=world.as_of.timestamp())
    acc.add(
        firm=[firms.index(e[0]) for e in ev],
        asset=[assets.index(e[1]) for e in ev],
        kind=[m.KIND_INDEX[e[2]] for e in ev],
        t=[e[3].timestamp() for e in ev],
    )
    inflow, outflow = m.inflow_outflow(acc.use, own)
    stored = {f.firm_id: f for f in FirmScore.objects.filter(run=run)}
    for i, fid in enumerate(firms):
        assert stored[fid].inflow == pytest.approx(inflow[i], abs=1e-8)
        assert stored[fid].outflow == pytest.approx(outflow[i], abs=1e-8)
    assert sum(f.inflow for f in stored.values()) == pytest.approx(sum(f.outflow for f in stored.values()))


def test_a_run_stores_every_kind_of_figure():
    world = build_world(4)
    add_events(world, 60)
    run = full_run(world.as_of)
    assert FirmScore.objects.filter(run=run).count() == Firm.objects.count()
    assert AssetScore.objects.filter(run=run).count() == len(world.assets)
    assert ClusterScore.objects.filter(run=run).count() == 2
    assert RegionScore.objects.filter(run=run, dimension="province").exists()
    assert FlowEdge.objects.filter(run=run).exists()
    root = AssetScore.objects.get(run=run, asset=world.assets[0])
    assert root.descendants == 2
    pr = sum(AssetScore.objects.filter(run=run).values_list("pagerank", flat=True))
    assert pr == pytest.approx(1.0)
    cluster = ClusterScore.objects.get(run=run, cluster=world.clusters[0])
    assert len(cluster.series) == len(run.months) == 24
    assert cluster.csi >= 0
    assert -1 <= cluster.ei <= 1


def test_the_batch_size_of_the_stream_changes_nothing():
    world = build_world(5)
    add_events(world, 70)
    a = scores(full_run(world.as_of))
    run = services.run_start(as_of=world.as_of)
    b = scores(services.run_compute(run_id=run.pk, batch_rows=1_000_000))
    assert_same(a, b)


def test_folding_new_events_in_equals_a_full_recompute():
    world = build_world(6)
    add_events(world, 60)
    base = full_run(world.as_of)
    before = scores(base)
    new = add_events(world, 40, before=world.as_of - timedelta(days=1))
    half = len(new) // 2
    assert services.events_fold(event_ids=[e.pk for e in new[:half]]) == half
    assert services.events_fold(event_ids=[e.pk for e in new]) == len(new) - half
    assert services.events_fold(event_ids=[e.pk for e in new]) == 0  # safe to repeat
    folded = scores(base)
    full = scores(full_run(world.as_of))
    assert_same(folded, full, ("assets",))
    for fid, (inflow, outflow, _absorption) in full["firms"].items():
        assert folded["firms"][fid][:2] == pytest.approx((inflow, outflow), rel=1e-7, abs=1e-9)
        assert folded["firms"][fid][2] == before["firms"][fid][2]  # absorption: as of the last full run
    assert folded["clusters"] == before["clusters"]  # cluster figures: as of the last full run
    for pair, value in full["edges"].items():
        assert folded["edges"][pair] == pytest.approx(value)


def test_a_run_becomes_current_only_when_complete_and_the_old_one_stays_until_then():
    world = build_world(7)
    add_events(world, 30)
    first = full_run(world.as_of)
    second = services.run_start(as_of=world.as_of)
    assert Run.objects.get(is_current=True) == first
    services.run_compute(run_id=second.pk)
    assert Run.objects.get(is_current=True) == second


def test_computing_a_complete_run_again_changes_nothing():
    world = build_world(8)
    add_events(world, 20)
    run = full_run(world.as_of)
    before = scores(run)
    services.run_compute(run_id=run.pk)
    assert_same(before, scores(run))


def test_parameters_that_break_the_weight_order_are_refused():
    with pytest.raises(DomainError):
        services.run_start(parameters={"weights": {"view": 0.9}})


def test_the_management_command_runs_a_recompute():
    world = build_world(9)
    add_events(world, 20)
    call_command("spillover_recompute", "--no-progress")
    assert Run.objects.get(is_current=True).event_count == 20


def test_the_management_command_takes_parameters_and_refuses_bad_ones():
    from django.core.management.base import CommandError

    world = build_world(10)
    add_events(world, 10)
    call_command("spillover_recompute", "--no-progress", "--parameters", '{"delta": 0.2}')
    assert Run.objects.get(is_current=True).parameters["delta"] == 0.2
    with pytest.raises(CommandError):
        call_command("spillover_recompute", "--no-progress", "--parameters", '{"weights": {"licence": 0.1}}')
