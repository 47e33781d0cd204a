"""A small platform with firms in clusters and provinces, categorised co-owned assets and use events."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from knowledge.models import Asset, AssetLink, AssetOwnership, AssetStatus, KnowledgeCategory, UseEvent
from tests.factories import ClusterFactory, FirmFactory, MembershipFactory

KINDS = ["view", "download", "licence", "citation", "derivation"]
PROVINCES = ["33", "32", "44", "11"]


@dataclass
class World:
    firms: list[Any]
    clusters: list[Any]
    assets: list[Any]
    as_of: datetime
    rng: random.Random = field(repr=False)


def categories(n: int = 4) -> list[KnowledgeCategory]:
    found = list(KnowledgeCategory.objects.order_by("code")[:n])
    while len(found) < n:
        i = len(found)
        found.append(KnowledgeCategory.objects.create(code=f"T{i:02d}", name_zh=f"类别{i}", name_en=f"Cat {i}"))
    return found


def make_asset(*, owners: list[Any], published: datetime, cats: list[KnowledgeCategory], **fields: Any) -> Asset:
    asset = Asset.objects.create(
        title_en=fields.pop("title_en", "Asset"), status=AssetStatus.PUBLISHED, published_at=published, **fields
    )
    share = Decimal(1) / len(owners)
    AssetOwnership.objects.bulk_create([AssetOwnership(asset=asset, firm=f, share=round(share, 6)) for f in owners])
    asset.categories.set(cats)
    return asset


def build_world(seed: int = 1, *, n_firms: int = 8, n_assets: int = 10, as_of: datetime | None = None) -> World:
    rng = random.Random(seed)
    as_of = as_of or timezone.now().replace(microsecond=0)
    firms = [FirmFactory.create(province=PROVINCES[i % len(PROVINCES)]) for i in range(n_firms)]
    clusters = [ClusterFactory.create(), ClusterFactory.create()]
    for i, firm in enumerate(firms):
        if i % 3 != 2:
            MembershipFactory.create(cluster=clusters[0], firm=firm)
        if i % 2 == 0:
            MembershipFactory.create(cluster=clusters[1], firm=firm)
    cats = categories()
    assets = []
    for i in range(n_assets):
        owners = rng.sample(firms, 2 if i % 4 == 0 else 1)
        cost = Decimal(rng.randint(1000, 9000)) if i % 3 == 0 else None
        assets.append(
            make_asset(
                owners=owners,
                published=as_of - timedelta(days=rng.randint(30, 900)),
                cats=rng.sample(cats, rng.randint(1, 3)),
                title_en=f"Asset {i}",
                creation_cost=cost,
            )
        )
    AssetLink.objects.create(citing=assets[1], cited=assets[0], kind="derivation")
    AssetLink.objects.create(citing=assets[2], cited=assets[1], kind="derivation")
    AssetLink.objects.create(citing=assets[3], cited=assets[0], kind="citation")
    return World(firms, clusters, assets, as_of, rng)


def add_events(world: World, n: int, *, before: datetime | None = None, days: int = 600) -> list[UseEvent]:
    """``n`` random use events (at most one per firm, asset, kind and day), before ``before``."""
    before = before or world.as_of
    made: list[UseEvent] = []
    seen = set(UseEvent.objects.values_list("firm_id", "asset_id", "kind", "day"))
    while len(made) < n:
        firm = world.rng.choice(world.firms)
        asset = world.rng.choice(world.assets)
        kind = world.rng.choice(KINDS)
        at = before - timedelta(days=world.rng.randint(0, days), seconds=world.rng.randint(1, 80000))
        key = (firm.pk, asset.pk, kind, at.date())
        if key in seen:
            continue
        seen.add(key)
        made.append(UseEvent(firm=firm, asset=asset, kind=kind, occurred_at=at, day=at.date()))
    return UseEvent.objects.bulk_create(made)
