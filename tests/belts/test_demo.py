"""The belts' demo stage: the belts the source study names, with members who confirmed over the past months."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import Count

from belts.models import Belt, BeltMember, BeltMemberStatus
from belts.selectors import belt_matches
from platform_.demo import DemoContext, build_all, demo_stages

pytestmark = pytest.mark.django_db


def test_the_demo_builds_the_studys_belts_with_confirmed_members_of_their_region_and_sectors(db: Any) -> None:
    ctx = build_all(DemoContext(firms=300, show_progress=False, stages=["identity", "belts"], log=lambda _line: None))
    names = set(Belt.objects.values_list("name_en", flat=True))
    assert {"Suzhou (Anhui) online industry belt", "Zhuzhou online industry belt", "Liaoyuan online industry belt"} <= (
        names
    )
    assert Belt.objects.filter(province="34").count() >= 3  # Anhui added belts
    assert Belt.objects.filter(province="23").exists()
    assert Belt.objects.filter(province="51").exists()
    assert "1,276 %" in Belt.objects.get(name_en__startswith="Suzhou").description
    answers = BeltMember.objects.filter(status=BeltMemberStatus.CONFIRMED).select_related("belt", "firm")
    assert answers.exists()
    assert all(belt_matches(belt=a.belt, firm=a.firm) for a in answers)
    assert len({a.decided_at.strftime("%Y-%m") for a in answers}) > 1  # a history, not one instant
    per_belt = dict(answers.values_list("belt_id").annotate(n=Count("id")))
    assert {belt_id: len(firms) for belt_id, firms in ctx.facts["belt_members"].items()} == per_belt


def test_the_belts_stage_is_registered_after_the_firms_exist() -> None:
    orders = {stage.name: stage.order for stage in demo_stages()}
    assert orders["identity"] < orders["belts"]
