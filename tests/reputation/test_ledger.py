"""The reuse ledger: own use counts nothing, repetition saturates, a closed ring adds at most its cap,
and the spillover model's flow weighs each reuse."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from knowledge.models import AssetOwnership, UseKind
from knowledge.services import use_record
from reputation.ledger import Rules, ledger_build, rules
from spillover.models import FlowEdge, Run, RunStatus
from tests.factories import firm_with_owner
from tests.knowledge.factories import make_asset

pytestmark = pytest.mark.django_db


def _use(firm: Any, person: Any, asset: Any, kind: str = UseKind.CITATION, *, times: int = 1) -> None:
    """``times`` uses on as many days (one use per firm, asset, kind and day is recorded)."""
    now = timezone.now()
    for day in range(times):
        assert use_record(firm=firm, user=person, asset=asset, kind=kind, at=now - timedelta(days=day + 1))


@pytest.fixture
def two() -> dict[str, Any]:
    a, a_owner = firm_with_owner()
    b, b_owner = firm_with_owner()
    return {
        "a": a,
        "a_owner": a_owner,
        "b": b,
        "b_owner": b_owner,
        "a_asset": make_asset(firm=a, by=a_owner),
        "b_asset": make_asset(firm=b, by=b_owner),
    }


def test_a_firm_s_own_use_counts_nothing(two: dict[str, Any]) -> None:
    for kind in (UseKind.CITATION, UseKind.DERIVATION, UseKind.LICENCE):
        _use(two["a"], two["a_owner"], two["a_asset"], kind, times=3)
    ledger = ledger_build()
    assert ledger.firm_credit.get(two["a"].pk, 0.0) == 0.0
    assert ledger.asset_credit.get(two["a_asset"].pk, 0.0) == 0.0
    assert ledger.own_uses[two["a"].pk] == 9


def test_a_co_owner_s_use_is_own_use(two: dict[str, Any]) -> None:
    AssetOwnership.objects.filter(asset=two["a_asset"]).update(share=0.5)
    AssetOwnership.objects.create(asset=two["a_asset"], firm=two["b"], share=0.5)
    _use(two["b"], two["b_owner"], two["a_asset"], UseKind.LICENCE)
    ledger = ledger_build()
    assert ledger.firm_credit.get(two["a"].pk, 0.0) == 0.0
    assert ledger.firm_credit.get(two["b"].pk, 0.0) == 0.0


def test_reuse_by_another_firm_counts_by_kind(two: dict[str, Any]) -> None:
    weights = rules().kind_weights
    _use(two["b"], two["b_owner"], two["a_asset"], UseKind.CITATION)
    _use(two["b"], two["b_owner"], two["a_asset"], UseKind.LICENCE)
    _use(two["b"], two["b_owner"], two["a_asset"], UseKind.VIEW)  # views are not reuse
    ledger = ledger_build()
    assert ledger.firm_credit[two["a"].pk] == pytest.approx(weights[UseKind.CITATION] + weights[UseKind.LICENCE])
    assert ledger.firm_users[two["a"].pk] == {two["b"].pk}
    assert ledger.rings == []


def test_one_firm_s_repeated_reuse_saturates_at_the_pair_cap(two: dict[str, Any], settings: Any) -> None:
    settings.REPUTATION = {"pair_cap": 3.0}
    _use(two["b"], two["b_owner"], two["a_asset"], UseKind.LICENCE, times=5)  # 5 x 2.0 = 10
    assert ledger_build().firm_credit[two["a"].pk] == pytest.approx(3.0)


def test_a_two_firm_ring_adds_nothing_beyond_the_cap(two: dict[str, Any]) -> None:
    """A and B only use each other, over and over: each gets at most ``ring_cap``."""
    cap = Rules().ring_cap
    _use(two["b"], two["b_owner"], two["a_asset"], UseKind.LICENCE, times=20)
    _use(two["a"], two["a_owner"], two["b_asset"], UseKind.LICENCE, times=20)
    ledger = ledger_build()
    assert ledger.rings == [frozenset({two["a"].pk, two["b"].pk})]
    assert ledger.firm_credit[two["a"].pk] == pytest.approx(cap)
    assert ledger.firm_credit[two["b"].pk] == pytest.approx(cap)
    raw, capped = ledger.ring_credit[two["a"].pk]
    assert raw > capped == pytest.approx(cap)


def test_a_ring_stays_capped_when_it_adds_a_token_use_outside(two: dict[str, Any]) -> None:
    outsider, outsider_owner = firm_with_owner()
    elsewhere = make_asset(firm=outsider, by=outsider_owner)
    _use(two["b"], two["b_owner"], two["a_asset"], UseKind.LICENCE, times=10)
    _use(two["a"], two["a_owner"], two["b_asset"], UseKind.LICENCE, times=10)
    _use(two["a"], two["a_owner"], elsewhere, UseKind.CITATION)  # 1 of 41 units leaves the ring
    ledger = ledger_build()
    assert frozenset({two["a"].pk, two["b"].pk}) in ledger.rings
    assert ledger.firm_credit[two["a"].pk] == pytest.approx(Rules().ring_cap)


def test_reuse_from_outside_the_ring_counts_in_full(two: dict[str, Any]) -> None:
    _use(two["b"], two["b_owner"], two["a_asset"], UseKind.LICENCE, times=20)
    _use(two["a"], two["a_owner"], two["b_asset"], UseKind.LICENCE, times=20)
    outsider, outsider_owner = firm_with_owner()
    _use(outsider, outsider_owner, two["a_asset"], UseKind.CITATION)
    ledger = ledger_build()
    assert ledger.firm_credit[two["a"].pk] == pytest.approx(Rules().ring_cap + rules().kind_weights[UseKind.CITATION])
    assert ledger.firm_credit[two["b"].pk] == pytest.approx(Rules().ring_cap)


def test_one_way_reuse_is_not_a_ring(two: dict[str, Any]) -> None:
    _use(two["b"], two["b_owner"], two["a_asset"], UseKind.LICENCE, times=3)
    ledger = ledger_build()
    assert ledger.rings == []
    assert ledger.firm_credit[two["a"].pk] == pytest.approx(3 * rules().kind_weights[UseKind.LICENCE])


def test_the_spillover_flow_raises_the_weight_of_a_reuse(two: dict[str, Any]) -> None:
    outsider, outsider_owner = firm_with_owner()
    _use(two["b"], two["b_owner"], two["a_asset"], UseKind.CITATION)
    _use(outsider, outsider_owner, two["a_asset"], UseKind.CITATION)
    run = Run.objects.create(status=RunStatus.COMPLETE, is_current=True, as_of=timezone.now())
    FlowEdge.objects.create(run=run, source=two["a"], absorber=two["b"], value=4.0)
    FlowEdge.objects.create(run=run, source=two["a"], absorber=outsider, value=2.0)
    ledger = ledger_build()
    weight = rules().kind_weights[UseKind.CITATION]
    assert ledger.flow_weighted
    assert ledger.firm_credit[two["a"].pk] == pytest.approx(weight * 2.0 + weight * 1.5)


def test_reuse_older_than_the_window_counts_nothing(two: dict[str, Any], settings: Any) -> None:
    settings.REPUTATION = {"window_days": 30}
    use_record(
        firm=two["b"],
        user=two["b_owner"],
        asset=two["a_asset"],
        kind=UseKind.LICENCE,
        at=timezone.now() - timedelta(days=40),
    )
    assert ledger_build().firm_credit.get(two["a"].pk, 0.0) == 0.0


def test_a_three_firm_circle_is_a_ring_too(two: dict[str, Any]) -> None:
    c, c_owner = firm_with_owner()
    c_asset = make_asset(firm=c, by=c_owner)
    _use(two["a"], two["a_owner"], two["b_asset"], UseKind.LICENCE, times=8)
    _use(two["b"], two["b_owner"], c_asset, UseKind.LICENCE, times=8)
    _use(c, c_owner, two["a_asset"], UseKind.LICENCE, times=8)
    ledger = ledger_build()
    assert ledger.rings == [frozenset({two["a"].pk, two["b"].pk, c.pk})]
    for firm in (two["a"], two["b"], c):
        assert ledger.firm_credit[firm.pk] == pytest.approx(Rules().ring_cap)


def test_firms_whose_reuse_mostly_leaves_the_circle_are_not_a_ring(two: dict[str, Any], settings: Any) -> None:
    """A and B reuse each other, but most of their reuse goes to firms outside: ordinary collaboration."""
    settings.REPUTATION = {"pair_cap": 100.0}
    _use(two["b"], two["b_owner"], two["a_asset"], UseKind.CITATION)
    _use(two["a"], two["a_owner"], two["b_asset"], UseKind.CITATION)
    for _ in range(3):
        other, other_owner = firm_with_owner()
        elsewhere = make_asset(firm=other, by=other_owner)
        _use(two["a"], two["a_owner"], elsewhere, UseKind.LICENCE)
        _use(two["b"], two["b_owner"], elsewhere, UseKind.LICENCE)
    ledger = ledger_build()
    assert ledger.rings == []
    assert ledger.firm_credit[two["a"].pk] == pytest.approx(rules().kind_weights[UseKind.CITATION])
