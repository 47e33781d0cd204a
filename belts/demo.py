"""Demo stage "belts": the online industry belts the source study names, with members who confirmed.

The study counts the 2014 online industry belts of a B2B marketplace: the trade of the belts of
Suzhou (Anhui), Zhuzhou (Hunan) and Liaoyuan (Jilin) grew more than 900 % in a year, Suzhou's by
1,276 %; Anhui added five belts, and Heilongjiang and Sichuan got their first. The study names the
places and the growth, not the industries; the sectors here are the demo's industries of those cities
(``platform_.demo.places``). The firms of each belt's city and sectors confirm their membership over
the past months, more of them recently, so the belt pages show the growth the study describes.

Relies on the identity stage (``facts["admin_id"]``, ``facts["firm_owner"]``); leaves
``ids["belts"]`` and ``facts["belt_members"]`` (belt id -> confirmed firm ids).
"""

from __future__ import annotations

from datetime import timedelta

from belts.models import Belt, BeltMember, BeltMemberStatus
from platform_.demo import DemoContext, DemoStage, demo_stage_register
from platform_.identity.models import Firm, Sector

CONFIRM_SHARE = 0.8  # of the suggested firms, those whose owners confirmed
HISTORY_DAYS = 540

# name_zh, name_en, province, city, divisions, what the study says
BELTS: tuple[tuple[str, str, str, str, tuple[str, ...], str], ...] = (
    (
        "宿州在线产业带", "Suzhou (Anhui) online industry belt", "34", "宿州", ("18", "19"),
        "2014年该产业带在B2B平台上的交易额一年增长1276%。\n"
        "In 2014 the belt's trade on a B2B marketplace grew by 1,276 % in a year.",
    ),
    (
        "株洲在线产业带", "Zhuzhou online industry belt", "43", "株洲", ("18", "37"),
        "2014年交易额一年增长超过900%。\nIn 2014 its trade grew by more than 900 % in a year.",
    ),
    (
        "辽源在线产业带", "Liaoyuan online industry belt", "22", "辽源", ("17", "18"),
        "2014年交易额一年增长超过900%。\nIn 2014 its trade grew by more than 900 % in a year.",
    ),
    (
        "合肥在线产业带", "Hefei online industry belt", "34", "合肥", ("38", "29"),
        "2014年安徽新增5个在线产业带之一。\nOne of the five belts Anhui added in 2014.",
    ),
    (
        "阜阳在线产业带", "Fuyang online industry belt", "34", "阜阳", ("13", "14", "15"),
        "2014年安徽新增5个在线产业带之一。\nOne of the five belts Anhui added in 2014.",
    ),
    (
        "哈尔滨在线产业带", "Harbin online industry belt", "23", "哈尔滨", ("13", "14", "15", "34", "35"),
        "2014年黑龙江的第一个在线产业带。\nHeilongjiang's first online industry belt (2014).",
    ),
    (
        "成都在线产业带", "Chengdu online industry belt", "51", "成都", ("21", "20"),
        "2014年四川的第一个在线产业带。\nSichuan's first online industry belt (2014).",
    ),
)  # fmt: skip


def build(ctx: DemoContext) -> None:
    rng = ctx.rng("belts")
    admin_id = ctx.facts.get("admin_id")
    owners: dict[int, int] = ctx.facts.get("firm_owner", {})
    ids: list[int] = []
    members: dict[int, list[int]] = {}
    answers: list[BeltMember] = []
    for name_zh, name_en, province, city, divisions, note in ctx.progress(BELTS, desc="belts", unit="belt"):
        belt = Belt.objects.create(
            name_zh=name_zh,
            name_en=name_en,
            province=province,
            city=city,
            description=note,
            created_by_id=admin_id,
        )
        belt.sectors.set(Sector.objects.filter(code__in=divisions))
        ids.append(belt.pk)
        firms = (
            Firm.objects.filter(province=province, city=city, sectors__code__in=divisions, is_active=True)
            .distinct()
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        for firm_id in firms:
            if rng.random() >= CONFIRM_SHARE:
                continue
            # More firms joined recently: the age in days is drawn towards the present.
            age = int(HISTORY_DAYS * rng.random() ** 2.5)
            answers.append(
                BeltMember(
                    belt=belt,
                    firm_id=firm_id,
                    status=BeltMemberStatus.CONFIRMED,
                    decided_by_id=owners.get(firm_id),
                    decided_at=ctx.now - timedelta(days=age, minutes=rng.randint(0, 1439)),
                )
            )
            members.setdefault(belt.pk, []).append(firm_id)
    BeltMember.objects.bulk_create(answers, batch_size=2000)
    ctx.ids["belts"] = ids
    ctx.facts["belt_members"] = members


demo_stage_register(DemoStage(name="belts", order=60, build=build))
