"""A small world for the observatory: firms in several provinces and sectors, assets, uses and a cluster."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from knowledge.models import Asset, AssetOwnership, AssetStatus, UseEvent, UseKind
from platform_.identity.models import Firm, Sector
from tests.factories import ClusterFactory, FirmFactory, MembershipFactory


def sector(code: str, section: str) -> Sector:
    return Sector.objects.get_or_create(code=code, defaults={"section": section, "name_zh": code, "name_en": code})[0]


@dataclass
class World:
    firms: dict[str, list[Firm]] = field(default_factory=dict)  # label -> firms
    assets: list[Asset] = field(default_factory=list)
    cluster: Any = None


def use(firm: Firm, asset: Asset, days_ago: int, kind: str = UseKind.VIEW) -> None:
    when = timezone.now() - timedelta(days=days_ago)
    UseEvent.objects.create(firm=firm, asset=asset, kind=kind, occurred_at=when, day=when.date())


def asset_of(firm: Firm) -> Asset:
    asset = Asset.objects.create(title_en="A", status=AssetStatus.PUBLISHED, published_at=timezone.now())
    AssetOwnership.objects.create(asset=asset, firm=firm)
    return asset


@pytest.fixture
def world(db: Any) -> World:
    """Zhejiang: 6 textile (C/17) firms and 1 software (I/65) firm; Guangdong: 4 appliance (C/38) firms;
    Tibet: 1 agri-food (C/13) firm. Guangdong firms use Zhejiang assets; the Tibet firm uses one too."""
    textile, appliances, software, food = sector("17", "C"), sector("38", "C"), sector("65", "I"), sector("13", "C")
    w = World()
    w.firms["zj_textile"] = [FirmFactory.create(province="33", sectors=[textile]) for _ in range(6)]
    w.firms["zj_software"] = [FirmFactory.create(province="33", sectors=[software])]
    w.firms["gd"] = [FirmFactory.create(province="44", city="佛山", sectors=[appliances]) for _ in range(4)]
    w.firms["tibet"] = [FirmFactory.create(province="54", city="拉萨", sectors=[food])]
    w.assets = [asset_of(firm) for firm in w.firms["zj_textile"]]
    for i, firm in enumerate(w.firms["gd"]):
        for j, asset in enumerate(w.assets[:3]):
            use(firm, asset, days_ago=10 + i + j)
    use(w.firms["tibet"][0], w.assets[0], days_ago=3)
    use(w.firms["zj_software"][0], w.assets[1], days_ago=4)
    w.cluster = ClusterFactory.create(home_province="33", proposed_by=w.firms["zj_textile"][0])
    for firm in w.firms["zj_textile"][:4] + w.firms["gd"]:
        MembershipFactory.create(cluster=w.cluster, firm=firm)
    return w
