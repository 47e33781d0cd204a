"""Benchmark of cross-lingual search quality: recall@10 and MRR on a labelled set of Chinese-only and
English-only assets (``bench/data/crosslingual.json``): the cross-lingual search, the same without its
all-but-one-word fallback, and the plain query alone.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vc_knowledge REDIS_URL=redis://127.0.0.1:6379/4 \\
        .venv/bin/python -m bench.crosslingual_search

Each topic has one asset in each language and a query in each language. Cross-lingual: a query's
relevant asset is the topic's asset in the *other* language. Monolingual: the one in its own
language. The assets are made under a firm ``BENCHX…`` and deleted afterwards. Figures are given for
the whole set and for its two parts: the first topics, and the held-out ones (marked ``added``),
written later and before the method they measure was changed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform_.settings.dev")

import django

django.setup()

from django.db import transaction  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from knowledge import services  # noqa: E402
from knowledge.models import Asset, AssetStatus  # noqa: E402
from knowledge.selectors import asset_search  # noqa: E402
from platform_.identity.models import Firm, FirmMember, Sector, User  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "crosslingual.json"
PREFIX = "BENCHX"


def _asset(firm: Firm, user: User, language: str, title: str, summary: str) -> int:
    fields: dict[str, Any] = {f"title_{language}": title, f"summary_{language}": summary}
    asset = services.asset_create(by=user, firm=firm, **fields)
    Asset.objects.filter(pk=asset.pk).update(status=AssetStatus.PUBLISHED, published_at=timezone.now())
    return asset.pk


def _metrics(user: User, firm: Firm, runs: list[tuple[str, int]], misses: list[str]) -> dict[str, float]:
    hits, reciprocal = 0, 0.0
    for query, relevant in runs:
        ids = [a.pk for a in asset_search(user=user, firm=firm, query=query, limit=10, facets=False).results]
        if relevant in ids:
            hits += 1
            reciprocal += 1 / (ids.index(relevant) + 1)
        else:
            misses.append(query)
    return {"recall@10": hits / len(runs), "MRR": reciprocal / len(runs)}


def main() -> None:
    data: dict[str, Any] = json.loads(DATA.read_text())
    with transaction.atomic():
        user, _ = User.objects.get_or_create(email="bench-crosslingual@bench.vc")
        firm = Firm.objects.create(
            name_zh="跨语言基准企业", name_en="Cross-lingual bench firm", credit_code=f"{PREFIX}0000000000X"[:18],
            province="33", city="Hangzhou",
        )  # fmt: skip
        firm.sectors.set(Sector.objects.order_by("pk")[:1])
        FirmMember.objects.create(firm=firm, user=user, role="owner")
        runs: dict[str, tuple[list[tuple[str, int]], list[tuple[str, int]]]] = {
            part: ([], []) for part in ("all", "first", "held out")
        }
        for topic in data["topics"]:
            zh = _asset(firm, user, "zh", *topic["zh"])
            en = _asset(firm, user, "en", *topic["en"])
            for part in ("all", "held out" if "added" in topic else "first"):
                runs[part][0].extend([(topic["q_zh"], en), (topic["q_en"], zh)])
                runs[part][1].extend([(topic["q_zh"], zh), (topic["q_en"], en)])
        for language in ("zh", "en"):
            for title, summary in data["distractors"][language]:
                _asset(firm, user, language, title, summary)
        rows = []
        searches = (
            ("cross-lingual", True, True),
            ("cross-lingual, whole matches only (no all-but-one fallback)", True, False),
            ("plain query", False, False),
        )
        for label, enabled, relaxed in searches:
            with override_settings(SEARCH_CROSSLINGUAL=enabled, SEARCH_RELAXED=relaxed):
                for part, (cross, mono) in runs.items():
                    if cross:
                        misses: list[str] = []
                        c, m = _metrics(user, firm, cross, misses), _metrics(user, firm, mono, misses)
                        rows.append((f"{label}, {part} ({len(cross) // 2} topics)", c, m, misses))
        transaction.set_rollback(True)  # leave nothing behind
    print(f"{len(data['topics'])} topics, {2 * len(data['topics'])} queries of each kind")
    print("| search | cross-lingual recall@10 | cross-lingual MRR | monolingual recall@10 | monolingual MRR |")
    print("| --- | --- | --- | --- | --- |")
    for label, c, m, _misses in rows:
        print(f"| {label} | {c['recall@10']:.2f} | {c['MRR']:.2f} | {m['recall@10']:.2f} | {m['MRR']:.2f} |")
    for label, _c, _m, misses in rows:
        if "all" in label and misses:
            print(f"missed by {label} (cross-lingual, then monolingual):", "; ".join(misses))


if __name__ == "__main__":
    main()
