"""Partner matching against a hand-made case whose right order is known.

The seeking firm needs a rare capability (R, two holders) and a common one (C, seven holders)
and can do O. Among nine active firms the weights are w(R) = ln(1 + 9/2) ≈ 1.705 and
w(C) = ln(1 + 9/7) ≈ 0.827, so:

- "both" covers R and C: coverage 1.0;
- "rare" covers R only: 1.705 / 2.532 ≈ 0.673;
- "mutual" covers C only but needs O, which the seeker can do: 0.327 + 0.3 ≈ 0.627;
- "common" and the four fillers cover C only: ≈ 0.327, ties broken by id.
"""

from __future__ import annotations

import math

import pytest

from clusters.matching import MUTUAL_WEIGHT, capability_weights, partners_suggest
from tests.factories import CapabilityFactory, ClusterFactory, FirmFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    rare = CapabilityFactory.create(code="test.rare")
    common = CapabilityFactory.create(code="test.common")
    offer = CapabilityFactory.create(code="test.offer")
    seeker = FirmFactory.create(name_en="Seeker", needs=[rare, common], capabilities=[offer])
    firms = {
        "both": FirmFactory.create(name_en="Both", capabilities=[rare, common]),
        "rare": FirmFactory.create(name_en="Rare", capabilities=[rare]),
        "mutual": FirmFactory.create(name_en="Mutual", capabilities=[common], needs=[offer]),
        "common": FirmFactory.create(name_en="Common", capabilities=[common]),
    }
    fillers = [FirmFactory.create(capabilities=[common]) for _ in range(4)]
    FirmFactory.create(capabilities=[rare, common], is_active=False)  # never suggested, never counted
    return seeker, firms, fillers, {"rare": rare, "common": common, "offer": offer}


def test_a_rare_capability_weighs_more_than_a_common_one(case) -> None:
    _seeker, _firms, _fillers, caps = case
    weights = capability_weights({caps["rare"].pk, caps["common"].pk})
    # The inactive firm holding both counts neither in the total of 9 nor among the holders.
    assert weights[caps["rare"].pk] == pytest.approx(math.log(1 + 9 / 2))
    assert weights[caps["common"].pk] == pytest.approx(math.log(1 + 9 / 7))
    assert weights[caps["rare"].pk] > weights[caps["common"].pk]


def test_partners_come_in_the_known_order(case) -> None:
    seeker, firms, fillers, _caps = case
    order = [suggestion.firm for suggestion in partners_suggest(firm=seeker)]
    assert order == [firms["both"], firms["rare"], firms["mutual"], firms["common"], *fillers]


def test_each_suggestion_gives_its_reasons(case) -> None:
    seeker, firms, _fillers, _caps = case
    by_firm = {suggestion.firm: suggestion for suggestion in partners_suggest(firm=seeker)}
    both, rare, mutual, common = (by_firm[firms[name]] for name in ("both", "rare", "mutual", "common"))
    assert both.coverage == pytest.approx(1.0)
    assert [c.code for c in both.covered] == ["test.common", "test.rare"]
    assert [c.code for c in rare.covered] == ["test.rare"]
    assert [c.code for c in mutual.mutual] == ["test.offer"]
    assert mutual.score == pytest.approx(mutual.coverage + MUTUAL_WEIGHT, abs=1e-3)
    assert common.mutual == []
    assert rare.coverage > mutual.score > common.score


def test_a_shared_cluster_is_shown_but_not_scored(case) -> None:
    seeker, _firms, fillers, _caps = case
    cluster = ClusterFactory.create(name_en="Shared Belt")
    MembershipFactory.create(cluster=cluster, firm=seeker)
    MembershipFactory.create(cluster=cluster, firm=fillers[-1])
    suggestions = partners_suggest(firm=seeker)
    last = suggestions[-1]
    assert last.firm == fillers[-1]
    assert last.shared_clusters == [cluster.name]
    assert last.inside
    assert not any(s.inside for s in suggestions[:-1])


def test_the_limit_cuts_the_list(case) -> None:
    seeker, firms, _fillers, _caps = case
    assert [s.firm for s in partners_suggest(firm=seeker, limit=2)] == [firms["both"], firms["rare"]]


def test_a_firm_without_needs_gets_no_suggestions(case) -> None:
    _seeker, firms, _fillers, _caps = case
    assert partners_suggest(firm=firms["common"]) == []


def test_the_firm_itself_is_never_suggested(case) -> None:
    seeker, _firms, _fillers, caps = case
    seeker.capabilities.add(caps["rare"])
    assert seeker not in [s.firm for s in partners_suggest(firm=seeker)]
