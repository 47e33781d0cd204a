"""A small world for the observatory: firms in several provinces and sectors, assets, uses and a cluster."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from knowledge.models import Asset, AssetOwnership, AssetStatus, UseEvent, UseKind
from platform_.identity.models import Firm, Sector
from tests.factories import ClusterFactory, FirmFactory, MembershipFactory, make_credit_code


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


# Shares of firms by province (the 2015 top-100 clusters: Zhejiang 36, Guangdong 21, Jiangsu 17, Fujian 6,
# Shandong 5; the rest spread over the interior and the Northeast).
PROVINCE_WEIGHTS = {
    "33": 36,
    "44": 21,
    "32": 17,
    "35": 6,
    "37": 5,
    "34": 4,
    "21": 3,
    "23": 2,
    "43": 3,
    "22": 2,
    "51": 1,
}
SECTIONS_BY_DIVISION = [("17", "C"), ("18", "C"), ("38", "C"), ("34", "C"), ("13", "C"), ("65", "I"), ("51", "F")]


def grown_world(*, seed: int = 7, firms: int = 160, uses: int = 2400, clusters: int = 3) -> World:
    """A larger world (bulk-made) where most cells describe enough firms to be shown."""
    import random

    rng = random.Random(seed)
    sectors = [sector(code, section) for code, section in SECTIONS_BY_DIVISION]
    provinces = list(PROVINCE_WEIGHTS)
    weights = list(PROVINCE_WEIGHTS.values())
    w = World()
    made = []
    for i in range(firms):
        province = rng.choices(provinces, weights)[0]
        firm = Firm.objects.create(
            name_zh=f"企业{i}", name_en=f"Firm {i}", province=province, city="-", credit_code=make_credit_code(9000 + i)
        )
        firm.sectors.set([rng.choice(sectors[:5]) if rng.random() < 0.8 else rng.choice(sectors)])
        Firm.objects.filter(pk=firm.pk).update(created_at=timezone.now() - timedelta(days=rng.randint(0, 900)))
        made.append(firm)
    w.firms["all"] = made
    owners = rng.sample(made, k=min(len(made), 50))
    w.assets = [asset_of(owner) for owner in owners]
    events = {}
    for _ in range(uses):
        firm, asset = rng.choice(made), rng.choice(w.assets)
        when = timezone.now() - timedelta(days=rng.randint(0, 700))
        events[(firm.pk, asset.pk, when.date())] = UseEvent(
            firm=firm, asset=asset, kind=UseKind.VIEW, occurred_at=when, day=when.date()
        )
    UseEvent.objects.bulk_create(events.values())
    for index in range(clusters):
        cluster = ClusterFactory.create(home_province=provinces[index], proposed_by=made[index])
        for firm in rng.sample(made, k=12):
            MembershipFactory.create(cluster=cluster, firm=firm)
    return w
