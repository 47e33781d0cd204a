"""Between two full runs, every stored figure is what a full recompute at the same as-of time gives,
or it is one the surfaces mark as of the last full run (docs/spillover.md).

A full run; then rounds of random events after it (on pairs the run does not store, on assets
published since, by firms that joined since, on an asset taken down since), folded in random batches
in a random order; after each round a fresh full recompute as of the fold's time. Live figures
(inflow, outflow, pair flows, uses, breadth) must equal the fresh run's; the others must still be
the last full run's, and the surfaces must name exactly those as of the last full run.
"""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from knowledge.models import Asset, AssetOwnership, AssetStatus, UseEvent
from observatory.services import open_statistics_refresh
from platform_.identity.templatetags.local_time import local_time
from spillover import model as sm
from spillover import selectors, services
from spillover.models import AssetScore, ClusterScore, FirmScore, FlowEdge, RegionScore, Run
from spillover.services.figures import TOP_PAIRS
from tests.agencies.conftest import land as agency_land  # noqa: F401 - the agencies' fixture
from tests.factories import ClusterFactory, FirmFactory, FirmMemberFactory, MembershipFactory, UserFactory
from tests.observatory.conftest import World
from tests.observatory.conftest import world as observatory_world  # noqa: F401 - the observatory's fixture
from tests.spillover.factories import KINDS, PROVINCES, categories, make_asset

pytestmark = pytest.mark.django_db

LIVE_FIRM = ("inflow", "outflow")
FROZEN_FIRM = ("stock", "pool", "pool_mahalanobis", "absorption", "series_in", "series_out")
LIVE_ASSET = ("uses", "breadth")
FROZEN_ASSET = ("generality_cluster", "generality_province", "generality_sector", "descendants", "pagerank")
FROZEN_CLUSTER = (
    "members", "stock", "pool", "internal", "external", "csi", "realisation", "ei", "cross_province", "series",
    "provinces",
)  # fmt: skip


def close(a: float, b: float) -> bool:
    return bool(np.isclose(a, b, rtol=1e-7, atol=1e-8))


def event(firm: Any, asset: Any, kind: str, at: Any) -> UseEvent:
    return UseEvent(firm=firm, asset=asset, kind=kind, occurred_at=at, day=timezone.localdate(at))


class Stream:
    """Random use events, at most one per firm, asset, kind and (China Standard Time) day."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen: set[tuple[int, int, str, Any]] = set()

    def make(self, firms: list[Any], assets: list[Any], n: int, start: Any, end: Any) -> list[UseEvent]:
        out: list[UseEvent] = []
        span = (end - start).total_seconds()
        for _ in range(n * 5):
            if len(out) >= n:
                break
            f, a, kind = self.rng.choice(firms), self.rng.choice(assets), self.rng.choice(KINDS)
            at = start + timedelta(seconds=self.rng.uniform(1, span - 1))
            key = (f.pk, a.pk, kind, timezone.localdate(at))
            if key not in self.seen:
                self.seen.add(key)
                out.append(event(f, a, kind, at))
        return out


def rows(
    model: type[FirmScore | AssetScore | ClusterScore], run: Run, key: str, fields: tuple[str, ...]
) -> dict[Any, dict[str, Any]]:
    return {r[key]: r for r in model.objects.filter(run=run).values(key, *fields)}


def snapshot(run: Run) -> dict[str, Any]:
    return {
        "firms": rows(FirmScore, run, "firm_id", LIVE_FIRM + FROZEN_FIRM),
        "assets": rows(AssetScore, run, "asset_id", LIVE_ASSET + FROZEN_ASSET),
        "clusters": rows(ClusterScore, run, "cluster_id", FROZEN_CLUSTER),
        "regions": sorted(
            RegionScore.objects.filter(run=run).values_list(
                "dimension", "key", "total", "outside_share", "observed", "expected", "localisation"
            )
        ),
        "edges": {(e.absorber_id, e.source_id): e.value for e in FlowEdge.objects.filter(run=run)},
    }


def fresh_full_run(as_of: Any, base: Run) -> tuple[dict[str, Any], Any]:
    """A full recompute as of ``as_of`` (its stored figures and every pair flow), then the base run
    current again."""
    run = services.run_compute(run_id=services.run_start(as_of=as_of, parameters=base.parameters).pk)
    stored = snapshot(run)
    fig = services.compute(run=run)
    ids = fig.snap.firm_ids
    coo = fig.flows.tocoo()
    flows = {(int(ids[i]), int(ids[j])): v for i, j, v in zip(coo.row, coo.col, coo.data, strict=True)}
    Run.objects.filter(pk=run.pk).delete()
    Run.objects.filter(pk=base.pk).update(is_current=True)
    return stored, flows


def world(rng: random.Random, as_of: Any) -> tuple[list[Any], list[Any], list[Any]]:
    cats = categories()
    firms = [FirmFactory.create(province=PROVINCES[i % len(PROVINCES)]) for i in range(24)]
    clusters = [ClusterFactory.create(proposed_by=firms[0]), ClusterFactory.create(proposed_by=firms[1])]
    for i in range(0, 6):
        MembershipFactory.create(cluster=clusters[i % 2], firm=firms[i])
    assets = []
    for i in range(26):
        owners = rng.sample(firms, 2 if i % 5 == 0 else 1)
        ks = [] if i % 7 == 3 else rng.sample(cats, rng.randint(1, 3))  # some assets have no category
        assets.append(make_asset(owners=owners, published=as_of - timedelta(days=rng.randint(40, 900)), cats=ks))
    return firms, clusters, assets


def test_folding_random_batches_equals_a_fresh_full_recompute():
    rng = random.Random(20)
    now = timezone.now().replace(microsecond=0)
    t0 = now - timedelta(days=3)  # the full run's as-of time; the rounds' events fall after it
    firms, clusters, assets = world(rng, t0)
    stream = Stream(rng)
    UseEvent.objects.bulk_create(stream.make(firms, assets, 700, t0 - timedelta(days=700), t0))
    base = services.run_compute(run_id=services.run_start(as_of=t0).pk)
    first = snapshot(base)

    # the case of the issue: pairs with a history that the run does not store
    _stored, flows_t0 = fresh_full_run(t0, base)
    outside = [pair for pair in flows_t0 if pair not in first["edges"]]
    assert len(outside) >= 5

    cats = categories()
    starts = [t0 + timedelta(hours=h) for h in (1, 20, 40, 60)]
    for rnd, (start, end) in enumerate(itertools.pairwise(starts)):
        # a firm that joins (and a cluster), an asset published since, one taken down since
        newcomer = FirmFactory.create(province=rng.choice(PROVINCES))
        MembershipFactory.create(cluster=clusters[rnd % 2], firm=newcomer)
        fresh_asset = make_asset(owners=[rng.choice([newcomer, *firms])], published=start, cats=[rng.choice(cats)])
        firms.append(newcomer)
        assets.append(fresh_asset)
        batch = stream.make(firms, assets, 60, start, end)
        for absorber_id, source_id in rng.sample(outside, 4):  # pairs outside the stored set
            owned = AssetOwnership.objects.filter(firm_id=source_id).values_list("asset_id", flat=True)
            asset = Asset.objects.get(pk=rng.choice(list(owned)))
            absorber = next(f for f in firms if f.pk == absorber_id)
            batch += [e for e in stream.make([absorber], [asset], 1, start, end) if e]
        batch += stream.make([newcomer], assets, 3, start, end) + stream.make(firms, [fresh_asset], 3, start, end)
        UseEvent.objects.bulk_create(batch)
        gone = rng.choice(assets[:-1])
        Asset.objects.filter(pk=gone.pk).update(status=AssetStatus.TAKEN_DOWN)  # its earlier uses stay flows

        ids = [e.pk for e in batch]
        rng.shuffle(ids)
        cuts = sorted(rng.sample(range(1, len(ids)), 3))
        folded = sum(
            services.events_fold(event_ids=ids[a:b]) for a, b in zip([0, *cuts], [*cuts, len(ids)], strict=True)
        )
        assert folded == len(ids)
        assert services.events_fold(event_ids=ids) == 0  # each event once

        base.refresh_from_db()
        assert base.is_current
        assert base.folded_as_of is not None
        assert base.folded_as_of >= end
        live = base.live_factor()
        folded_now = snapshot(base)
        fresh, flows = fresh_full_run(base.folded_as_of, base)

        # live: exactly the fresh run's
        for fid, row in fresh["firms"].items():
            mine = folded_now["firms"].get(fid, {"inflow": 0.0, "outflow": 0.0})
            assert close(mine["inflow"] * live, row["inflow"]), ("inflow", fid)
            assert close(mine["outflow"] * live, row["outflow"]), ("outflow", fid)
        for aid, row in fresh["assets"].items():
            mine = folded_now["assets"].get(aid, {"uses": 0.0, "breadth": 0})
            assert close(mine["uses"] * live, row["uses"]), ("uses", aid)
            assert mine["breadth"] == row["breadth"], ("breadth", aid)
        for pair, value in folded_now["edges"].items():
            assert close(value * live, flows.get(pair, 0.0)), ("pair", pair)
        # Each firm's top sources and absorbers are the fresh run's: a pair is kept by the run or
        # touched since (then stored exactly), or it was below the run's k-th pair of its absorber and
        # of its source, which have only gained since (pairs tied with the k-th may differ, not values).
        for fid in fresh["firms"]:
            for end_ in (0, 1):
                ours = sorted((v * live for p, v in folded_now["edges"].items() if p[end_] == fid), reverse=True)
                theirs = sorted((v for p, v in fresh["edges"].items() if p[end_] == fid), reverse=True)
                assert np.allclose(ours[:TOP_PAIRS], theirs[:TOP_PAIRS], rtol=1e-7, atol=1e-8), fid

        # as of the last full run: unchanged since it (firms and assets it did not know: its zeros)
        months = len(base.months)
        for fid, row in folded_now["firms"].items():
            was = first["firms"].get(fid) or dict.fromkeys(FROZEN_FIRM, 0.0) | {
                "series_in": [0.0] * months, "series_out": [0.0] * months,
            }  # fmt: skip
            assert {k: row[k] for k in FROZEN_FIRM} == {k: was[k] for k in FROZEN_FIRM}, fid
        for aid, row in folded_now["assets"].items():
            was = first["assets"].get(aid) or dict.fromkeys(FROZEN_ASSET, 0)
            assert {k: row[k] for k in FROZEN_ASSET} == {k: was[k] for k in FROZEN_ASSET}, aid
        assert folded_now["clusters"] == first["clusters"]
        assert folded_now["regions"] == first["regions"]

    # every surface names exactly those as of the last full run, with its time
    assert selectors.AS_OF_LAST_FULL_RUN["firm"] == list(FROZEN_FIRM)
    assert selectors.AS_OF_LAST_FULL_RUN["asset"] == list(FROZEN_ASSET)
    assert selectors.AS_OF_LAST_FULL_RUN["cluster"] == list(FROZEN_CLUSTER)
    assert selectors.AS_OF_LAST_FULL_RUN["comparison"] == ["clusters", "regions"]
    run = selectors._run_dict(Run.objects.get(is_current=True), "firm")
    assert run["full_run_as_of"] == t0.isoformat()
    assert base.folded_as_of is not None
    assert run["as_of"] == base.folded_as_of.isoformat()


def test_a_pair_outside_the_stored_set_keeps_its_history_when_an_event_touches_it():
    """Absorber A learnt a little from source S before the run (a view), less than from eleven other
    sources, and S's asset taught eleven other firms more: the run does not store (A, S). A download
    folded in afterwards must give the pair its whole flow, not the download alone."""
    now = timezone.now().replace(microsecond=0)
    t0 = now - timedelta(days=1)
    cats = categories()
    firms = [FirmFactory.create(province=PROVINCES[0]) for _ in range(24)]
    a, s, others, readers = firms[0], firms[1], firms[2:13], firms[13:24]
    published = t0 - timedelta(days=300)
    theirs = [make_asset(owners=[o], published=published, cats=[cats[0]]) for o in others]
    asset = make_asset(owners=[s], published=published, cats=[cats[1]], creation_cost=Decimal(1))
    before = t0 - timedelta(days=30)
    UseEvent.objects.bulk_create(
        [event(a, x, "citation", before) for x in theirs]
        + [event(r, asset, "citation", before) for r in readers]
        + [event(a, asset, "view", before)]
    )
    run = services.run_compute(run_id=services.run_start(as_of=t0).pk)
    assert not FlowEdge.objects.filter(run=run, absorber=a, source=s).exists()

    later = UseEvent.objects.create(
        firm=a, asset=asset, kind="download", occurred_at=now - timedelta(hours=1), day=timezone.localdate(now)
    )
    assert services.events_fold(event_ids=[later.pk]) == 1
    run.refresh_from_db()
    assert run.folded_as_of is not None
    stored = FlowEdge.objects.get(run=run, absorber=a, source=s).value * run.live_factor()
    fresh, flows = fresh_full_run(run.folded_as_of, run)
    lam = -np.log(0.85)
    year = 365.25 * 86400
    expected = 0.05 * np.exp(-lam * (run.folded_as_of - before).total_seconds() / year) + 0.2 * np.exp(
        -lam * (run.folded_as_of - later.occurred_at).total_seconds() / year
    )
    assert stored == pytest.approx(expected, rel=1e-9)
    assert stored == pytest.approx(flows[(a.pk, s.pk)], rel=1e-9)
    # and the firm's inflow moved by the download alone
    inflow = FirmScore.objects.get(run=run, firm=a).inflow * run.live_factor()
    assert inflow == pytest.approx(fresh["firms"][a.pk]["inflow"], rel=1e-9)


def test_days_and_months_are_china_standard_time():
    """An event at 2026-01-31 20:00 UTC is 1 February in China: its day and its month are February's."""
    at = datetime(2026, 1, 31, 20, 0, tzinfo=UTC)
    assert timezone.localdate(at).isoformat() == "2026-02-01"
    feb = int(sm.month_index(at.timestamp()))
    assert feb == (2026 - 1970) * 12 + 1
    assert sm.month_end(feb - 1) == datetime(2026, 1, 31, 16, 0, tzinfo=UTC).timestamp()  # 1 Feb 00:00 CST

    cats = categories()
    owner, user = FirmFactory.create(province=PROVINCES[0]), FirmFactory.create(province=PROVINCES[1])
    asset = make_asset(owners=[owner], published=at - timedelta(days=100), cats=[cats[0]])
    UseEvent.objects.create(firm=user, asset=asset, kind="citation", occurred_at=at, day=timezone.localdate(at))
    run = services.run_compute(run_id=services.run_start(as_of=at + timedelta(days=10)).pk)
    series = dict(zip(run.months, FirmScore.objects.get(run=run, firm=user).series_in, strict=True))
    assert series["2026-02"] == 1.0
    assert series["2026-01"] == 0.0


def test_every_surface_marks_the_figures_as_of_the_last_full_run(observatory_world: World):  # noqa: F811 - the fixture
    """Page, API and observatory: the exact figures carry the fold's time, the others the last full
    run's, named as such."""
    w = observatory_world
    t0 = timezone.now().replace(microsecond=0) - timedelta(hours=2)
    run = services.run_compute(run_id=services.run_start(as_of=t0).pk)
    firm = w.firms["gd"][0]
    later = UseEvent.objects.create(
        firm=firm, asset=w.assets[4], kind="licence", occurred_at=t0 + timedelta(hours=1), day=timezone.localdate(t0)
    )
    assert services.events_fold(event_ids=[later.pk]) == 1
    run.refresh_from_db()
    assert run.folded_as_of is not None
    full, folded = t0.isoformat(), run.folded_as_of.isoformat()

    user = UserFactory.create()
    FirmMemberFactory.create(firm=firm, user=user)
    client = Client()
    client.force_login(user)
    session = client.session
    session["current_firm_id"] = firm.pk
    session.save()
    data = client.get(f"/api/v1/spillover/firms/{firm.pk}/").json()
    assert data["run"]["as_of"] == folded
    assert data["run"]["full_run_as_of"] == full
    assert data["run"]["as_of_last_full_run"] == list(FROZEN_FIRM)
    assert data["run"]["full_run_note"]
    assert data["inflow"] == pytest.approx(FirmScore.objects.get(run=run, firm=firm).inflow * run.live_factor())
    page = client.get(reverse("spillover:index")).content.decode()
    assert 'data-testid="as-of-full-run"' in page
    with translation.override("zh-hans"):  # the page's language: times in the reader's zone and format
        assert local_time(full) in page
        assert local_time(folded) in page

    open_statistics_refresh(k=3)
    rows = Client().get("/api/v1/open/tables/cluster_spillover_index/").json()["rows"]
    assert rows
    assert {r["spillover_as_of"] for r in rows} == {full}
    page = Client().get("/observatory/clusters/").content.decode()
    assert 'data-testid="spillover-as-of"' in page
    assert full[:16].replace("T", " ") in page


def test_the_agency_page_marks_the_spillover_index_as_of_the_last_full_run(agency_land: dict[str, Any]):  # noqa: F811 - the fixture
    t0 = timezone.now().replace(microsecond=0) - timedelta(hours=2)
    services.run_compute(run_id=services.run_start(as_of=t0).pk)
    client = Client(headers={"accept-language": "en"})
    client.force_login(agency_land["officer"])
    body = client.get(f"/agencies/{agency_land['agency'].pk}/").content.decode()
    assert 'data-testid="spillover-as-of"' in body
    assert timezone.localtime(t0).strftime("%Y-%m-%d %H:%M") in body
