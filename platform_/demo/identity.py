"""Demo stage "identity": the published demo accounts, firms with people, sectors, capabilities and needs.

Firms are planned one by one from their own random stream (``plan_firm``), so a firm's
data depend only on the seed and its number: ``--firms 60`` and ``--firms 100000`` share
their first 60 firms, and a test can compare the database with the plan.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from platform_.audit.services import audit_record
from platform_.demo import ADMIN_EMAIL, DEMO_DOMAIN, DemoContext, DemoStage, demo_stage_register
from platform_.demo.bulk import allocate_ids, chunks, copy_rows, through_rows
from platform_.demo.places import (
    CITIES,
    GIVEN_NAMES,
    GROUPS,
    PROVINCE_GROUPS,
    PROVINCE_WEIGHTS,
    SERVICE_SHARE,
    SERVICE_SHARE_IN_HUBS,
    SERVICE_WEIGHTS,
    SIZES,
    SURNAMES,
    SYLLABLES,
    TITLES,
    City,
)
from platform_.identity.credit_code import check_character
from platform_.identity.models import Capability, Firm, FirmMember, Sector, User
from platform_.identity.services import firm_create
from platform_.launch import DEMO_PASSWORD

BATCH = 5000


@dataclass(frozen=True)
class PersonPlan:
    email: str
    display_name: str
    role: str
    title: str


@dataclass(frozen=True)
class FirmPlan:
    index: int
    slug: str
    name_zh: str
    name_en: str
    credit_code: str
    province: str
    city: str
    city_en: str
    size: str
    group: str
    sectors: tuple[str, ...]
    capabilities: tuple[str, ...]
    needs: tuple[str, ...]
    description: str
    people: tuple[PersonPlan, ...] = field(default=())
    age_days: int = 0  # registered on the platform this many days ago

    @property
    def website(self) -> str:
        return f"https://{self.slug}.{DEMO_DOMAIN}/"


@dataclass(frozen=True)
class Anchor:
    """A hand-made firm: the demo logins' firms and the founders of the core clusters."""

    slug: str
    name_zh: str
    name_en: str
    province: str
    city: str  # Chinese city name, one of CITIES[province]
    group: str
    size: str
    sectors: tuple[str, ...] = ()


ANCHORS: tuple[Anchor, ...] = (
    Anchor(
        "hangzhou-textile",
        "杭州恒锦纺织机械有限公司",
        "Hangzhou Hengjin Textile Machinery Co., Ltd.",
        "33",
        "杭州",
        "textile_machinery",
        "medium",
        ("35", "34"),
    ),
    Anchor(
        "foshan-appliance",
        "佛山美宜电器有限公司",
        "Foshan Meiyi Electric Appliance Co., Ltd.",
        "44",
        "佛山",
        "appliances",
        "medium",
    ),
    Anchor("wujiang-silk", "苏州锦澜丝绸有限公司", "Suzhou Jinlan Silk Co., Ltd.", "32", "苏州", "textile", "medium"),
    Anchor(
        "jinjiang-footwear",
        "晋江步远鞋业有限公司",
        "Jinjiang Buyuan Footwear Co., Ltd.",
        "35",
        "晋江",
        "footwear",
        "large",
    ),
    Anchor("luohe-foods", "漯河丰禾食品有限公司", "Luohe Fenghe Foods Co., Ltd.", "41", "漯河", "agrifood", "large"),
    Anchor(
        "shenyang-heavy",
        "沈阳辽北重型装备有限公司",
        "Shenyang Liaobei Heavy Equipment Co., Ltd.",
        "21",
        "沈阳",
        "heavy_machinery",
        "large",
    ),
    Anchor(
        "suzhou-anhui-apparel",
        "宿州云履鞋服有限公司",
        "Suzhou Yunlü Shoes & Apparel Co., Ltd.",
        "34",
        "宿州",
        "footwear",
        "small",
        ("19", "18"),
    ),
    Anchor(
        "zhuzhou-apparel", "株洲雅衣服饰有限公司", "Zhuzhou Yayi Apparel Co., Ltd.", "43", "株洲", "apparel", "small"
    ),
    Anchor(
        "liaoyuan-hosiery",
        "辽源暖丝袜业有限公司",
        "Liaoyuan Nuansi Hosiery Co., Ltd.",
        "22",
        "辽源",
        "apparel",
        "small",
        ("18", "17"),
    ),
    Anchor(
        "keqiao-textile", "绍兴织韵纺织有限公司", "Shaoxing Zhiyun Textile Co., Ltd.", "33", "绍兴", "textile", "medium"
    ),
    Anchor(
        "shenzhen-iot",
        "深圳智联物联科技有限公司",
        "Shenzhen Zhilian IoT Technology Co., Ltd.",
        "44",
        "深圳",
        "software",
        "small",
    ),
    Anchor(
        "chengdu-furniture",
        "成都锦木家具有限公司",
        "Chengdu Jinmu Furniture Co., Ltd.",
        "51",
        "成都",
        "furniture",
        "medium",
    ),
    Anchor(
        "harbin-grain",
        "哈尔滨黑土粮油食品有限公司",
        "Harbin Heitu Grain & Oil Foods Co., Ltd.",
        "23",
        "哈尔滨",
        "agrifood",
        "medium",
    ),
    Anchor(
        "ningbo-trading",
        "宁波通达贸易有限公司",
        "Ningbo Tongda Trading Co., Ltd.",
        "33",
        "宁波",
        "ecommerce_services",
        "micro",
    ),
    # Service firms in the hubs, so that the core firms' needs find partners in other provinces.
    Anchor(
        "hangzhou-design",
        "杭州知行工业设计有限公司",
        "Hangzhou Zhixing Industrial Design Co., Ltd.",
        "33",
        "杭州",
        "design_services",
        "small",
    ),
    Anchor(
        "suzhou-testing",
        "苏州精衡检测技术有限公司",
        "Suzhou Jingheng Testing Technology Co., Ltd.",
        "32",
        "苏州",
        "testing_services",
        "medium",
    ),
    Anchor(
        "shanghai-ip",
        "上海智权知识产权代理有限公司",
        "Shanghai Zhiquan IP Agency Co., Ltd.",
        "31",
        "上海",
        "ip_services",
        "small",
    ),
    Anchor(
        "yiwu-logistics",
        "义乌捷运国际货运代理有限公司",
        "Yiwu Jieyun International Freight Forwarding Co., Ltd.",
        "33",
        "义乌",
        "logistics_services",
        "small",
    ),
    Anchor(
        "guangzhou-ecommerce",
        "广州云商网络科技有限公司",
        "Guangzhou Yunshang Network Technology Co., Ltd.",
        "44",
        "广州",
        "ecommerce_services",
        "small",
    ),
)
ANCHOR_INDEX = {anchor.slug: index for index, anchor in enumerate(ANCHORS)}


@functools.cache
def _salt(seed: int) -> int:
    return random.Random(f"{seed}:credit-codes").randrange(10**8)


@functools.cache
def _cumulative(weights: tuple[tuple[str, float], ...]) -> tuple[list[str], list[float]]:
    keys = [key for key, _w in weights]
    return keys, list(itertools.accumulate(w for _k, w in weights))


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    keys, cumulative = _cumulative(tuple(weights.items()))
    return rng.choices(keys, cum_weights=cumulative)[0]


def _city(province: str, name: str) -> City:
    return next(city for city in CITIES[province] if city.zh == name)


def credit_code(*, division: str, index: int, salt: int) -> str:
    """A valid unified social credit code: enterprise (91), the city's division, a GB 11714 organization code.

    The organization code's 8 digits are a bijection of ``index`` (mod 10^8), so codes never repeat in a run.
    """
    digits = f"{(index * 61803399 + salt) % 10**8:08d}"
    total = sum(int(d) * w for d, w in zip(digits, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    check = 11 - total % 11
    org_code = digits + ("X" if check == 10 else "0" if check == 11 else str(check))
    first17 = "91" + division + org_code
    return first17 + check_character(first17)


def _person(rng: random.Random, email: str, role: str) -> PersonPlan:
    name = rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES)
    return PersonPlan(email=email, display_name=name, role=role, title=rng.choice(TITLES[role]))


def _lower_first(text: str) -> str:
    """Lower-case the first letter for use mid-sentence, but keep acronyms (EMC, PCB, CAD) as they are."""
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


def _describe(
    group_key: str, city: City, capabilities: tuple[str, ...], needs: tuple[str, ...], names: dict[str, tuple[str, str]]
) -> str:
    group = GROUPS[group_key]
    can_zh = "、".join(names[c][0] for c in capabilities)
    need_zh = "、".join(names[c][0] for c in needs)
    can_en = ", ".join(_lower_first(names[c][1]) for c in capabilities)
    need_en = ", ".join(_lower_first(names[c][1]) for c in needs)
    return (
        f"{city.zh}的{group.label_zh}企业，擅长{can_zh}；寻求{need_zh}方面的合作伙伴。\n\n"
        f"A {group.label_en} firm in {city.en}. Strengths: {can_en}. Looking for partners in {need_en}."
    )


def plan_firm(seed: int, index: int, names: dict[str, tuple[str, str]]) -> FirmPlan:
    """The firm number ``index`` under ``seed``: a pure function (``names``: capability code -> (zh, en))."""
    rng = random.Random(seed * 1_000_003 + index)
    salt = _salt(seed)
    if index < len(ANCHORS):
        anchor = ANCHORS[index]
        province, city, group_key = anchor.province, _city(anchor.province, anchor.city), anchor.group
        slug, name_zh, name_en, size = anchor.slug, anchor.name_zh, anchor.name_en, anchor.size
        sectors = anchor.sectors or GROUPS[group_key].sectors[:1]
    else:
        province = _weighted(rng, PROVINCE_WEIGHTS)
        cities = CITIES[province]
        city = rng.choices(cities, weights=[c.weight for c in cities])[0]
        share = SERVICE_SHARE_IN_HUBS if city.hub else SERVICE_SHARE
        group_key = _weighted(rng, SERVICE_WEIGHTS if rng.random() < share else PROVINCE_GROUPS[province])
        group = GROUPS[group_key]
        (brand_zh1, brand_en1), (brand_zh2, brand_en2) = rng.sample(SYLLABLES, 2)
        word_zh, word_en = rng.choice(group.words)
        name_zh = f"{city.zh}{brand_zh1}{brand_zh2}{word_zh}有限公司"
        name_en = f"{city.en.split(' (')[0]} {(brand_en1 + brand_en2).capitalize()} {word_en} Co., Ltd."
        slug = f"firm{index:06d}"
        size = rng.choices([s for s, _w in SIZES], weights=[w for _s, w in SIZES])[0]
        sectors = tuple(rng.sample(group.sectors, rng.choice((1, 1, 2)) if len(group.sectors) > 1 else 1))
    group = GROUPS[group_key]
    many = 4 if index < len(ANCHORS) else rng.randint(2, 4)  # hand-made firms show a fuller profile
    capabilities = tuple(sorted(rng.sample(group.capabilities, min(len(group.capabilities), many))))
    needs = tuple(
        sorted(c for c in rng.sample(group.needs, min(len(group.needs), rng.randint(2, 4))) if c not in capabilities)
    )
    people = [_person(rng, f"owner@{slug}.{DEMO_DOMAIN}", "owner")]
    extra = 2 if index < len(ANCHORS) else rng.choice((0, 0, 1, 1, 2))
    for number in range(1, extra + 1):
        role = "admin" if number == 1 and rng.random() < 0.5 else "member"
        people.append(_person(rng, f"staff{number}@{slug}.{DEMO_DOMAIN}", role))
    return FirmPlan(
        index=index,
        slug=slug,
        name_zh=name_zh,
        name_en=name_en,
        credit_code=credit_code(division=city.division, index=index, salt=salt),
        province=province,
        city=city.zh,
        city_en=city.en,
        size=size,
        group=group_key,
        sectors=sectors,
        capabilities=capabilities,
        needs=needs,
        description=_describe(group_key, city, capabilities, needs, names),
        people=tuple(people),
        age_days=rng.randint(720, 3000),
    )


def plan_firms(seed: int, count: int, start: int = 0) -> Iterator[FirmPlan]:
    from platform_.identity.data.capabilities import CAPABILITIES

    names = {code: (zh, en) for code, _parent, zh, en in CAPABILITIES}
    for index in range(start, count):
        yield plan_firm(seed, index, names)


def _password_hash(seed: int) -> str:
    """One hash of the published demo password for everyone (hashing per person would take minutes)."""
    salt = hashlib.sha256(f"demo-{seed}".encode()).hexdigest()[:22]
    return make_password(DEMO_PASSWORD, salt=salt)


def _user(person: PersonPlan, password: str, **extra: object) -> User:
    return User(email=person.email, display_name=person.display_name, password=password, **extra)


def build(ctx: DemoContext) -> None:
    password = _password_hash(ctx.seed)
    sector_ids = dict(Sector.objects.values_list("code", "id"))
    capability_ids = dict(Capability.objects.values_list("code", "id"))
    ctx.ids.update(users=[], firms=[])
    ctx.facts.update(demo_users={}, firm_owner={}, firm_province={}, firm_group={})

    admin = User(email=ADMIN_EMAIL, display_name="平台管理员", password=password, is_staff=True, is_superuser=True)
    admin.save()
    EmailAddress.objects.create(user=admin, email=admin.email, verified=True, primary=True)
    ctx.ids["users"].append(admin.pk)
    ctx.facts["admin_id"] = admin.pk
    ctx.facts["demo_users"][admin.email] = admin.pk

    bar = ctx.progress(total=ctx.firms, desc="firms", unit="firm")
    for plan in plan_firms(ctx.seed, ctx.core_firms):
        _create_core_firm(ctx, plan, password, sector_ids, capability_ids)
        bar.update(1)
    for batch in chunks(plan_firms(ctx.seed, ctx.firms, start=ctx.core_firms), BATCH):
        _copy_firms(ctx, batch, password, sector_ids, capability_ids)
        bar.update(len(batch))
    bar.close()


def _remember(ctx: DemoContext, plan: FirmPlan, firm_id: int, owner_id: int) -> None:
    ctx.ids["firms"].append(firm_id)
    ctx.facts["firm_owner"][firm_id] = owner_id
    ctx.facts["firm_province"][firm_id] = plan.province
    ctx.facts["firm_group"][firm_id] = plan.group


def _create_core_firm(
    ctx: DemoContext, plan: FirmPlan, password: str, sector_ids: dict[str, int], capability_ids: dict[str, int]
) -> None:
    """Through the services, so the firm has its audit trail like one registered by hand."""
    users = []
    for person in plan.people:
        user = _user(person, password)
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        users.append(user)
        ctx.ids["users"].append(user.pk)
        ctx.facts["demo_users"][user.email] = user.pk
    owner = users[0]
    firm = firm_create(
        by=owner,
        credit_code=plan.credit_code,
        province=plan.province,
        city=plan.city,
        name_zh=plan.name_zh,
        name_en=plan.name_en,
        size=plan.size,
        description=plan.description,
        website=plan.website,
        sectors=[sector_ids[code] for code in plan.sectors],  # type: ignore[misc]
        capabilities=[capability_ids[code] for code in plan.capabilities],  # type: ignore[misc]
        needs=[capability_ids[code] for code in plan.needs],  # type: ignore[misc]
    )
    FirmMember.objects.filter(firm=firm, user=owner).update(title=plan.people[0].title)
    for person, user in zip(plan.people[1:], users[1:], strict=True):
        member = FirmMember.objects.create(firm=firm, user=user, role=person.role, title=person.title)
        audit_record(actor=user, action="firm.join", target=member, firm=firm)
    registered = ctx.now - timedelta(days=plan.age_days)
    Firm.objects.filter(pk=firm.pk).update(created_at=registered, verification="verified", verified_at=registered)
    FirmMember.objects.filter(firm=firm).update(joined_at=registered)
    User.objects.filter(pk__in=[user.pk for user in users]).update(date_joined=registered)
    _remember(ctx, plan, firm.pk, owner.pk)


def _copy_firms(
    ctx: DemoContext, plans: list[FirmPlan], password: str, sector_ids: dict[str, int], capability_ids: dict[str, int]
) -> None:
    """A batch of firms with their people by COPY: ids reserved first, then each table in one stream."""
    people = [(plan, person) for plan in plans for person in plan.people]
    user_ids = allocate_ids(User, len(people))
    firm_ids = allocate_ids(Firm, len(plans))
    firm_id_of = {plan.index: firm_id for plan, firm_id in zip(plans, firm_ids, strict=True)}

    copy_rows(
        User,
        ["id", "email", "display_name", "password", "date_joined"],
        (
            (user_id, person.email, person.display_name, password, ctx.now - timedelta(days=plan.age_days))
            for (plan, person), user_id in zip(people, user_ids, strict=True)
        ),
    )
    copy_rows(
        EmailAddress,
        ["user_id", "email", "verified", "primary"],
        ((user_id, person.email, True, True) for (_plan, person), user_id in zip(people, user_ids, strict=True)),
    )
    copy_rows(
        Firm,
        [
            "id",
            "name_zh",
            "name_en",
            "credit_code",
            "province",
            "city",
            "size",
            "description",
            "website",
            "created_at",
            "verification",
            "verified_at",
        ],
        (
            (
                firm_id_of[p.index],
                p.name_zh,
                p.name_en,
                p.credit_code,
                p.province,
                p.city,
                p.size,
                p.description,
                p.website,
                ctx.now - timedelta(days=p.age_days),
                "verified",  # the demo's firms stand for firms whose licence was checked
                ctx.now - timedelta(days=p.age_days),
            )
            for p in plans
        ),
    )
    copy_rows(
        FirmMember,
        ["firm_id", "user_id", "role", "title", "joined_at"],
        (
            (firm_id_of[plan.index], user_id, person.role, person.title, ctx.now - timedelta(days=plan.age_days))
            for (plan, person), user_id in zip(people, user_ids, strict=True)
        ),
    )
    through_rows(Firm.sectors, ((firm_id_of[p.index], sector_ids[c]) for p in plans for c in p.sectors))
    through_rows(Firm.capabilities, ((firm_id_of[p.index], capability_ids[c]) for p in plans for c in p.capabilities))
    through_rows(Firm.needs, ((firm_id_of[p.index], capability_ids[c]) for p in plans for c in p.needs))
    ctx.ids["users"].extend(user_ids)
    owners = {plan.index: uid for (plan, person), uid in zip(people, user_ids, strict=True) if person.role == "owner"}
    for plan in plans:
        _remember(ctx, plan, firm_id_of[plan.index], owners[plan.index])


demo_stage_register(DemoStage(name="identity", order=10, build=build))
