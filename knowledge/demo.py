"""Demo stage "knowledge": knowledge assets, in bulk: mixed Chinese and English texts, owners, access, search vectors.

Stage ``knowledge`` leaves behind ``ids["assets"]`` (creation order), ``facts["asset_owner"]``
(asset id -> owning firm id), ``facts["asset_published_at"]`` (asset id -> datetime, published
ones only) and ``facts["public_assets"]`` (ids of published public assets, which every firm may use).
``generate_assets`` is also what ``bench.knowledge_search`` uses for its 100k assets.

Texts are drawn from phrase lists; each phrase is segmented once (jieba is the slow part) and
search vectors are computed by PostgreSQL in one UPDATE after the COPY.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from django.db import connection
from psycopg.types.json import Jsonb

from knowledge.crosslingual import document_translations
from knowledge.models import Asset, AssetOwnership, KnowledgeCategory
from knowledge.reference import sync_knowledge_categories
from knowledge.search import BILINGUAL_VECTOR_SQL, CONFIG, search_extras, segment
from platform_.demo import DemoContext, DemoStage, demo_stage_register
from platform_.demo.bulk import allocate_ids, chunks, copy_rows, through_rows

ZH_SUBJECTS = [
    "纺织机械",
    "织机",
    "印染工艺",
    "化纤纺丝",
    "注塑模具",
    "数控机床",
    "焊接机器人",
    "锂电池",
    "电机控制",
    "传感器",
    "工业软件",
    "质量检测",
    "供应链",
    "包装设计",
    "食品加工",
    "节能改造",
    "污水处理",
    "精益生产",
    "铸造工艺",
    "表面涂装",
    "光伏组件",
    "液压系统",
    "轴承",
    "齿轮箱",
    "服装设计",
    "家具制造",
    "陶瓷材料",
    "复合材料",
    "芯片封装",
    "物流仓储",
]
ZH_ACTIONS = [
    "的自动化改造",
    "的工艺参数优化",
    "的维护保养手册",
    "的故障诊断方法",
    "的能耗分析",
    "的质量控制标准",
    "的设计规范",
    "的检测数据集",
    "的成本核算",
    "的安全操作规程",
    "的专利说明",
    "的试验报告",
]
ZH_SENTENCES = [
    "本文总结了企业在生产现场积累的经验。",
    "通过对比试验验证了改进效果。",
    "适用于中小企业的批量生产。",
    "数据来自三年的连续监测。",
    "方案已在集群内多家企业推广应用。",
    "降低了废品率并提高了设备利用率。",
    "包含详细的图纸和参数表。",
    "重点介绍关键工序的控制要点。",
    "可与上下游企业共享使用。",
    "采用国家标准进行检验。",
    "对出口市场的认证要求做了说明。",
    "结合工业互联网实现远程监控。",
]
EN_SUBJECTS = [
    "textile machinery",
    "weaving looms",
    "dyeing processes",
    "fibre spinning",
    "injection moulds",
    "CNC machining",
    "welding robots",
    "lithium batteries",
    "motor control",
    "sensors",
    "industrial software",
    "quality inspection",
    "supply chains",
    "packaging design",
    "food processing",
    "energy retrofits",
    "wastewater treatment",
    "lean production",
    "casting processes",
    "surface coatings",
    "solar modules",
    "hydraulic systems",
    "bearings",
    "gearboxes",
    "garment design",
    "furniture making",
    "ceramic materials",
    "composites",
    "chip packaging",
    "warehouse logistics",
]
EN_ACTIONS = [
    "Automating",
    "Optimising process parameters for",
    "A maintenance manual for",
    "Diagnosing faults in",
    "Energy analysis of",
    "Quality standards for",
    "Design rules for",
    "A measurement data set on",
    "Costing",
    "Safe operation of",
    "A patent on",
    "Test report on",
]
EN_SENTENCES = [
    "This summarises experience gathered on the shop floor.",
    "Comparative trials confirmed the improvement.",
    "Suitable for small and medium batch production.",
    "The data come from three years of monitoring.",
    "Several firms in the cluster have adopted the method.",
    "Scrap rates fell and machine utilisation rose.",
    "Detailed drawings and parameter tables are included.",
    "The key controls of each operation are explained.",
    "Suppliers and customers may reuse it.",
    "Inspection follows the national standards.",
    "Certification requirements of export markets are covered.",
    "Remote monitoring runs over the industrial internet.",
]
KINDS = ["document"] * 5 + ["design"] * 2 + ["patent", "know_how", "know_how", "dataset"]
LICENCES = ["cc_by"] * 4 + ["cc_by_sa", "cc_by_nc", "cc0", "proprietary", "proprietary", "patent"]


@cache
def _seg(text: str) -> str:
    return segment(text)


@cache
def _translations(text: str) -> str:
    """The text's words in the other language, as ``knowledge.search.index_asset`` stores them."""
    return segment(document_translations(text))


def _text(rng: random.Random) -> tuple[str, str, str, str, str]:
    """(title_zh, title_en, summary_zh, summary_en, body): Chinese, English or both."""
    language = rng.random()
    subject = rng.randrange(len(ZH_SUBJECTS))
    action = rng.randrange(len(ZH_ACTIONS))
    zh = language < 0.5 or language >= 0.8
    en = language >= 0.5
    title_zh = f"{ZH_SUBJECTS[subject]}{ZH_ACTIONS[action]}" if zh else ""
    title_en = f"{EN_ACTIONS[action]} {EN_SUBJECTS[subject]}" if en else ""
    summary_zh = "".join(rng.sample(ZH_SENTENCES, 2)) if zh else ""
    summary_en = " ".join(rng.sample(EN_SENTENCES, 2)) if en else ""
    pool = (ZH_SENTENCES if zh else []) + (EN_SENTENCES if en else [])
    extra_subject = rng.randrange(len(ZH_SUBJECTS))
    body = " ".join(
        [*rng.sample(pool, min(4, len(pool))), ZH_SUBJECTS[extra_subject] if zh else EN_SUBJECTS[extra_subject]]
    )
    return title_zh, title_en, summary_zh, summary_en, body


def _document(parts: Iterable[str]) -> str:
    """The four lines the vector UPDATE splits: title, summary, body (segmented) and search-mode extras."""
    title, summary, body = (" ".join(_seg(p) for p in part.split("\n") if p) for part in parts)
    extras = search_extras(f"{title} {summary}") if any("\u4e00" <= ch <= "\u9fff" for ch in title + summary) else ""
    return "\n".join(line.replace("\n", " ") for line in (title, summary, body, extras))


def generate_assets(
    *,
    rng: random.Random,
    count: int,
    firm_ids: Sequence[int],
    cluster_members: dict[int, list[int]],
    created_by_id: int | None,
    now: datetime,
    progress: Callable[..., Any] = lambda iterable, **kw: iterable,
    batch: int = 5000,
) -> tuple[list[int], dict[int, int], dict[int, datetime], list[int]]:
    """COPY ``count`` assets owned by ``firm_ids``; returns (ids, owner by asset, published_at, public ids)."""
    category_ids = list(KnowledgeCategory.objects.filter(parent__isnull=False).values_list("pk", flat=True))
    clusters_of: dict[int, list[int]] = {}
    for cluster_id, members in cluster_members.items():
        for firm_id in members:
            clusters_of.setdefault(firm_id, []).append(cluster_id)
    ids = allocate_ids(Asset, count)
    owner_of: dict[int, int] = {}
    published: dict[int, datetime] = {}
    public: list[int] = []
    fields = [
        "id",
        "kind",
        "title_zh",
        "title_en",
        "summary_zh",
        "summary_en",
        "body",
        "licence",
        "licence_terms",
        "access_level",
        "status",
        "tags",
        "created_by_id",
        "created_at",
        "updated_at",
        "published_at",
        "reviewed_at",
        "creation_cost",
        "search_document",
        "search_translations",
    ]
    for chunk in progress(list(chunks(ids, batch)), desc="assets", unit="batch"):
        rows, owners, access_clusters, categories = [], [], [], []
        access_firms: list[tuple[int, int]] = []
        for asset_id in chunk:
            title_zh, title_en, summary_zh, summary_en, body = _text(rng)
            firm_id = rng.choice(firm_ids)
            roll = rng.random()
            level = "public" if roll < 0.7 else "clusters" if roll < 0.85 else "firms" if roll < 0.95 else "private"
            if level == "clusters" and not clusters_of.get(firm_id):
                level = "public"
            status = "published" if rng.random() < 0.92 else rng.choice(["draft", "pending", "taken_down"])
            created = now - timedelta(days=rng.uniform(0, 5 * 365))
            published_at = (
                created + timedelta(days=rng.uniform(0, 3)) if status in ("published", "taken_down") else None
            )
            licence = rng.choice(LICENCES)
            rows.append(
                [
                    asset_id,
                    rng.choice(KINDS),
                    title_zh,
                    title_en,
                    summary_zh,
                    summary_en,
                    body,
                    licence,
                    "See the attached terms." if licence in ("proprietary", "patent") else "",
                    level,
                    status,
                    Jsonb([]),
                    created_by_id,
                    created,
                    created,
                    published_at,
                    published_at,
                    round(rng.uniform(1e3, 5e5), 2) if rng.random() < 0.6 else None,
                    _document([f"{title_zh}\n{title_en}", f"{summary_zh}\n{summary_en}", body]),
                    _translations(" ".join(filter(None, [title_zh, title_en])))
                    + "\n"
                    + _translations(" ".join(filter(None, [summary_zh, summary_en]))),
                ]
            )
            owners.append((asset_id, firm_id))
            owner_of[asset_id] = firm_id
            if level == "clusters":
                access_clusters.append((asset_id, rng.choice(clusters_of[firm_id])))
            elif level == "firms":
                access_firms.extend((asset_id, f) for f in {rng.choice(firm_ids) for _ in range(3)} if f != firm_id)
            for category in {rng.choice(category_ids) for _ in range(rng.randint(1, 3))}:
                categories.append((asset_id, category))
            if published_at is not None and status == "published":
                published[asset_id] = published_at
                if level == "public":
                    public.append(asset_id)
        copy_rows(Asset, fields, rows)
        copy_rows(AssetOwnership, ["asset_id", "firm_id", "share"], ((a, f, 1) for a, f in owners))
        through_rows(Asset.access_clusters, access_clusters)
        through_rows(Asset.access_firms, access_firms)
        through_rows(Asset.review_clusters, access_clusters)
        through_rows(Asset.categories, categories)
        _vectorise(chunk)
    return ids, owner_of, published, public


def _vectorise(ids: list[int]) -> None:
    """Weighted vectors from the four stored lines, then the document without the extras line."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            UPDATE knowledge_asset SET
              search_vector = setweight(to_tsvector('{CONFIG}', split_part(search_document, E'\\n', 1)), 'A')
                || setweight(to_tsvector('{CONFIG}', split_part(search_document, E'\\n', 2)), 'B')
                || setweight(to_tsvector('{CONFIG}', split_part(search_document, E'\\n', 3)), 'C')
                || setweight(to_tsvector('{CONFIG}', split_part(search_document, E'\\n', 4)), 'D'),
              search_document = split_part(search_document, E'\\n', 1) || E'\\n'
                || split_part(search_document, E'\\n', 2) || E'\\n' || split_part(search_document, E'\\n', 3)
            WHERE id = ANY(%s)
            """,  # noqa: S608 - CONFIG is a constant
            [ids],
        )
        cursor.execute(BILINGUAL_VECTOR_SQL + " WHERE id = ANY(%s)", [ids])


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--assets", type=int, default=None, help="Knowledge assets to generate (default: five per firm)."
    )


def build(ctx: DemoContext) -> None:
    if not KnowledgeCategory.objects.exists():
        sync_knowledge_categories()
    firm_ids = ctx.ids.get("firms", [])
    count = ctx.options.get("assets") or 5 * len(firm_ids)
    if not firm_ids or count <= 0:
        ctx.ids["assets"] = []
        return
    ids, owner_of, published, public = generate_assets(
        rng=ctx.rng("knowledge"),
        count=count,
        firm_ids=firm_ids,
        cluster_members=ctx.facts.get("cluster_members", {}),
        created_by_id=None,
        now=ctx.now,
        progress=ctx.progress,
    )
    ctx.ids["assets"] = ids
    ctx.facts.update(asset_owner=owner_of, asset_published_at=published, public_assets=public)


demo_stage_register(DemoStage(name="knowledge", order=30, build=build, add_arguments=add_arguments))
