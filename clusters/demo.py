"""Demo stage "clusters": the core clusters (through the services, with history and audit) and, at scale, more in bulk.

The core clusters mirror the brief: coastal textile, apparel and appliance belts, the
Northeast's heavy equipment, central China's agri-food, the online industry belts of
Suzhou (Anhui), Zhuzhou (Hunan), Liaoyuan (Jilin), Heilongjiang and Sichuan, and virtual
clusters that span provinces along a value chain. Memberships pass through every state.
Leaves ``ids["clusters"]``, ``ids["memberships"]``, ``facts["cluster_members"]`` (cluster id ->
active firm ids) and ``facts["cluster_moderators"]`` (cluster id -> user ids).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from clusters.models import (
    Cluster,
    ClusterMembership,
    ClusterStatus,
    JoinPolicy,
    MembershipEvent,
    MembershipStatus,
)
from clusters.services import (
    cluster_decide,
    cluster_propose,
    membership_apply,
    membership_invite,
    membership_transition,
)
from platform_.demo import DemoContext, DemoStage, demo_stage_register
from platform_.demo.bulk import allocate_ids, chunks, copy_rows, through_rows
from platform_.demo.identity import ANCHOR_INDEX
from platform_.demo.places import CITIES, GROUPS, PROVINCE_GROUPS, PROVINCE_WEIGHTS
from platform_.identity.models import Firm, Sector, User

FIRMS_PER_BULK_CLUSTER = 2500
STEP_DAYS = 3  # between two steps of a membership's history
BATCH = 5000


@dataclass(frozen=True)
class Opening:
    """An approved cluster as bulk firms see it: which industries it draws, its home province, its join policy."""

    cluster_id: int
    groups: tuple[str, ...]
    home_province: str
    policy: str
    created_at: datetime


@dataclass(frozen=True)
class CoreCluster:
    slug: str
    name_zh: str
    name_en: str
    theme: str
    founder: str  # anchor slug
    groups: tuple[str, ...]  # industries whose firms it attracts
    sectors: tuple[str, ...]
    home_province: str = ""
    home_belt: str = ""
    join_policy: str = JoinPolicy.APPLICATION
    asset_review: str = "before"
    decision: str = "approve"  # or "reject", or "" (still waiting for a platform administrator)
    reason: str = ""
    description: str = ""
    size: int = 8  # how many other core firms it draws


CORE_CLUSTERS: tuple[CoreCluster, ...] = (
    CoreCluster(
        "hangzhou-textile-machinery",
        "杭州纺织机械虚拟产业集群",
        "Hangzhou Textile Machinery Virtual Cluster",
        "纺织机械 · Textile machinery",
        "hangzhou-textile",
        ("textile_machinery", "textile", "heavy_machinery", "steel", "software", "testing_services"),
        ("35", "34", "17"),
        "33",
        "萧山–柯桥纺织机械产业带 / Xiaoshan–Keqiao textile-machinery belt",
        description="织机、印染设备整机厂与铸锻件、控制系统、检测机构共享图纸与工艺。\n\n"
        "Loom and dyeing-machine makers share drawings and process know-how with casting, "
        "control-system and testing partners.",
        size=12,
    ),
    CoreCluster(
        "shunde-small-appliances",
        "顺德小家电产业集群",
        "Shunde Small Appliances Cluster",
        "小家电 · Small appliances",
        "foshan-appliance",
        ("appliances", "electronics", "plastics", "design_services", "testing_services"),
        ("38", "39"),
        "44",
        "佛山顺德小家电产业带 / Shunde small-appliance belt (Foshan)",
        join_policy=JoinPolicy.OPEN,
        asset_review="after",
        description="广东省产业集群升级示范区的线上镜像。\n\n"
        "The online mirror of a Guangdong cluster-upgrade demonstration zone.",
    ),
    CoreCluster(
        "shengze-silk-fibre",
        "盛泽丝绸化纤产业集群",
        "Shengze Silk & Chemical Fibre Cluster",
        "丝绸与化纤 · Silk and chemical fibre",
        "wujiang-silk",
        ("textile", "chemicals", "apparel", "design_services"),
        ("17", "28"),
        "32",
        "苏州吴江盛泽丝绸产业带 / Shengze silk belt (Wujiang, Suzhou)",
        description="江苏省特色产业集群名录中的在线产业带。\n\n"
        "An online belt on Jiangsu's list of characteristic clusters.",
    ),
    CoreCluster(
        "jinjiang-footwear",
        "晋江鞋业产业集群",
        "Jinjiang Footwear Cluster",
        "鞋业 · Footwear",
        "jinjiang-footwear",
        ("footwear", "apparel", "plastics", "chemicals"),
        ("19",),
        "35",
        "泉州晋江鞋业产业带 / Jinjiang footwear belt",
    ),
    CoreCluster(
        "central-agrifood",
        "中原农副食品加工集群",
        "Central China Agri-food Processing Cluster",
        "农副食品加工与流通 · Agri-food processing and distribution",
        "luohe-foods",
        ("agrifood", "logistics_services", "ecommerce_services", "testing_services"),
        ("13", "14"),
        "41",
        "漯河食品产业带 / Luohe food belt",
        join_policy=JoinPolicy.OPEN,
    ),
    CoreCluster(
        "northeast-heavy-equipment",
        "东北重型装备与石油装备虚拟集群",
        "Northeast Heavy & Oilfield Equipment Virtual Cluster",
        "重型机械、石油装备与钢铁 · Heavy machinery, oil equipment and steel",
        "shenyang-heavy",
        ("heavy_machinery", "steel", "transport_equipment", "software"),
        ("34", "35", "31"),
        "21",
        description="辽宁、吉林、黑龙江三省装备企业跨省协作。\n\n"
        "Equipment makers of Liaoning, Jilin and Heilongjiang working across provinces.",
        join_policy=JoinPolicy.INVITATION,
    ),
    CoreCluster(
        "suzhou-anhui-belt",
        "宿州鞋服在线产业带",
        "Suzhou (Anhui) Shoes & Apparel Online Belt",
        "鞋服 · Shoes and apparel",
        "suzhou-anhui-apparel",
        ("footwear", "apparel", "ecommerce_services", "logistics_services"),
        ("19", "18"),
        "34",
        "宿州（安徽）在线产业带 / Suzhou (Anhui) online industry belt",
        description="2014年交易额增长1276%的在线产业带。\n\nThe online belt whose trade grew by 1,276 % in 2014.",
    ),
    CoreCluster(
        "zhuzhou-apparel-belt",
        "株洲服饰在线产业带",
        "Zhuzhou Apparel Online Belt",
        "服饰 · Apparel",
        "zhuzhou-apparel",
        ("apparel", "textile", "ecommerce_services"),
        ("18",),
        "43",
        "株洲（湖南）在线产业带 / Zhuzhou (Hunan) online industry belt",
        join_policy=JoinPolicy.OPEN,
    ),
    CoreCluster(
        "liaoyuan-hosiery-belt",
        "辽源袜业在线产业带",
        "Liaoyuan Hosiery Online Belt",
        "袜业 · Hosiery",
        "liaoyuan-hosiery",
        ("apparel", "textile", "textile_machinery", "ecommerce_services"),
        ("18", "17"),
        "22",
        "辽源（吉林）在线产业带 / Liaoyuan (Jilin) online industry belt",
    ),
    CoreCluster(
        "smart-textile-chain",
        "智能纺织价值链虚拟集群",
        "Smart Textile Value-Chain Virtual Cluster",
        "纤维—面料—服装—电商价值链 · Fibre to fabric to garment to e-commerce",
        "keqiao-textile",
        ("textile", "apparel", "chemicals", "design_services", "software", "ecommerce_services"),
        ("17", "18", "28"),
        description="不设地理边界：浙江、江苏、广东与东北的企业按互补能力结成的虚拟集群。\n\n"
        "No home belt: firms from Zhejiang, Jiangsu, Guangdong and the Northeast joined by "
        "complementary capabilities.",
        size=10,
    ),
    CoreCluster(
        "appliance-smart-manufacturing",
        "小家电智能制造虚拟集群",
        "Small-Appliance Smart Manufacturing Cluster",
        "工业物联网与智能制造 · Industrial IoT and smart manufacturing",
        "shenzhen-iot",
        ("appliances", "electronics", "software", "testing_services", "rnd_services"),
        ("38", "65"),
        join_policy=JoinPolicy.INVITATION,
    ),
    CoreCluster(
        "heilongjiang-grain-belt",
        "黑龙江粮油在线产业带",
        "Heilongjiang Grain & Oil Online Belt",
        "粮油加工 · Grain and oil processing",
        "harbin-grain",
        ("agrifood", "logistics_services", "ecommerce_services"),
        ("13",),
        "23",
        "黑龙江首个在线产业带 / Heilongjiang's first online industry belt",
    ),
    CoreCluster(
        "chengdu-furniture-belt",
        "成都家具在线产业带",
        "Chengdu Furniture Online Belt",
        "家具 · Furniture",
        "chengdu-furniture",
        ("furniture",),
        ("21",),
        "51",
        "四川首个在线产业带 / Sichuan's first online industry belt",
        decision="",
    ),
    CoreCluster(
        "ningbo-trading-club",
        "宁波外贸交流会",
        "Ningbo Traders' Club",
        "贸易 · Trading",
        "ningbo-trading",
        ("ecommerce_services",),
        ("51",),
        "33",
        decision="reject",
        reason="没有共同的产业主题，请围绕一条产业链重新申请。 / No shared industrial theme: please propose "
        "again around one value chain.",
    ),
)

# Paths through the membership state machine; the first ones of each policy run first so every state appears.
ENTRY = {
    JoinPolicy.OPEN: ("apply",),
    JoinPolicy.APPLICATION: ("apply", "approve"),
    JoinPolicy.INVITATION: ("invite", "accept"),
}
PATHS: dict[str, tuple[tuple[str, ...], ...]] = {
    JoinPolicy.APPLICATION: (
        ("apply", "approve"),
        ("apply",),
        ("apply",),
        ("apply", "reject"),
        ("apply", "withdraw"),
        ("invite", "decline"),
        ("apply", "approve", "remove"),
        ("invite",),
        ("invite", "accept"),
        ("apply", "approve", "leave"),
    ),
    JoinPolicy.OPEN: (("apply",), ("apply", "leave"), ("apply", "leave", "apply"), ("apply", "remove")),
    JoinPolicy.INVITATION: (("invite", "accept"), ("invite",), ("invite", "decline"), ("invite", "accept", "leave")),
}
FIRM_ACTIONS = {"apply", "accept", "decline", "withdraw", "leave"}
MESSAGES = {
    "apply": "我们希望加入集群，与成员共享工艺经验并寻找互补伙伴。",
    "invite": "贵公司的能力与集群成员的需求互补，诚邀加入。",
    "reject": "主营业务与集群主题关联不大。",
    "remove": "长期未参与集群活动。",
    "leave": "业务调整，暂时退出。",
}


def build(ctx: DemoContext) -> None:
    rng = ctx.rng("clusters")
    ctx.ids.update(clusters=[], memberships=[])
    ctx.facts.update(cluster_members={}, cluster_moderators={})
    admin = User.objects.get(pk=ctx.facts["admin_id"])
    core = _build_core(ctx, rng, admin)
    if ctx.firms > ctx.core_firms:
        _build_bulk(ctx, admin, core)


def _build_core(ctx: DemoContext, rng: random.Random, admin: User) -> list[Opening]:
    """The hand-made clusters; returns the approved ones as openings for the bulk firms."""
    openings = []
    core_ids = ctx.ids["firms"][: ctx.core_firms]
    firms = {firm.pk: firm for firm in Firm.objects.filter(pk__in=core_ids)}
    users = {user.pk: user for user in User.objects.filter(pk__in=[ctx.facts["firm_owner"][f] for f in core_ids])}
    sector_ids = dict(Sector.objects.values_list("code", "id"))
    owner_of = {firm_id: users[ctx.facts["firm_owner"][firm_id]] for firm_id in core_ids}
    for spec in ctx.progress(CORE_CLUSTERS, desc="core clusters", unit="cluster"):
        founder_index = ANCHOR_INDEX[spec.founder]
        if founder_index >= len(core_ids):
            continue  # fewer firms than anchors: leave the cluster out
        founder_id = core_ids[founder_index]
        founder = owner_of[founder_id]
        cluster = cluster_propose(
            by=founder,
            firm=firms[founder_id],
            theme=spec.theme,
            name_zh=spec.name_zh,
            name_en=spec.name_en,
            slug=spec.slug,
            description=spec.description,
            sectors=[sector_ids[c] for c in spec.sectors],  # type: ignore[misc]
            home_province=spec.home_province,
            home_belt=spec.home_belt,
            join_policy=spec.join_policy,
            asset_review=spec.asset_review,
        )
        ctx.ids["clusters"].append(cluster.pk)
        if not spec.decision:
            continue
        cluster = cluster_decide(cluster=cluster, by=admin, approve=spec.decision == "approve", reason=spec.reason)
        if spec.decision != "approve":
            continue
        founded = ctx.now - timedelta(days=rng.randint(650, 900))
        Cluster.objects.filter(pk=cluster.pk).update(created_at=founded - timedelta(days=7))
        founding = list(cluster.memberships.values_list("pk", flat=True))
        _backdate(founding, founded)
        ctx.ids["memberships"].extend(founding)
        ctx.facts["cluster_moderators"][cluster.pk] = [founder.pk]
        ctx.facts["cluster_members"][cluster.pk] = [founder_id]
        openings.append(
            Opening(cluster.pk, spec.groups, spec.home_province, spec.join_policy, founded - timedelta(days=7))
        )
        candidates = [
            firm_id for firm_id in core_ids if firm_id != founder_id and ctx.facts["firm_group"][firm_id] in spec.groups
        ]
        # Firms of the home province first, then the rest: a belt mirrors geography, a virtual cluster spans it.
        candidates.sort(key=lambda f: (ctx.facts["firm_province"][f] != spec.home_province, rng.random()))
        paths = PATHS[spec.join_policy]
        for number, firm_id in enumerate(candidates[: spec.size]):
            path = paths[number] if number < len(paths) else rng.choice(paths)
            _walk(ctx, rng, cluster, firms[firm_id], owner_of[firm_id], founder, path)
    return openings


def _walk(
    ctx: DemoContext,
    rng: random.Random,
    cluster: Cluster,
    firm: Firm,
    owner: User,
    moderator: User,
    path: tuple[str, ...],
) -> None:
    """Take one firm along ``path`` with the services, so every step leaves its event and audit row."""
    membership = None
    opened: list[int] = []
    for action in path:
        if action == "apply":
            membership = membership_apply(cluster=cluster, firm=firm, by=owner, message=MESSAGES["apply"])
            opened.append(membership.pk)
        elif action == "invite":
            membership = membership_invite(cluster=cluster, firm=firm, by=moderator, message=MESSAGES["invite"])
            opened.append(membership.pk)
        else:
            assert membership is not None
            membership = membership_transition(
                membership=membership,
                action=action,
                by=owner if action in FIRM_ACTIONS else moderator,
                reason=MESSAGES.get(action, ""),
            )
    ctx.ids["memberships"].extend(opened)
    waiting = membership is not None and membership.status in (MembershipStatus.APPLIED, MembershipStatus.INVITED)
    days = rng.randint(1, 30) if waiting else rng.randint(20, 600)  # an open request is recent
    _backdate(opened, ctx.now - timedelta(days=days, minutes=rng.randint(0, 1439)))
    if membership is not None and membership.status == MembershipStatus.ACTIVE:
        ctx.facts["cluster_members"][cluster.pk].append(firm.pk)


def _backdate(membership_ids: list[int], start: datetime) -> None:
    """The services stamp every step with the present; spread the history over the past instead."""
    events = list(MembershipEvent.objects.filter(membership_id__in=membership_ids).order_by("id"))
    for number, event in enumerate(events):
        event.at = start + timedelta(days=STEP_DAYS * number, hours=number)
    MembershipEvent.objects.bulk_update(events, ["at"])
    for membership_id in membership_ids:
        own = [event for event in events if event.membership_id == membership_id]
        joined = [event.at for event in own if event.to_status == MembershipStatus.ACTIVE]
        ClusterMembership.objects.filter(pk=membership_id).update(
            created_at=own[0].at, updated_at=own[-1].at, joined_at=joined[-1] if joined else None
        )


# At scale: the states of bulk memberships, with weights, and the events that lead to each.
BULK_PATHS: dict[str, tuple[tuple[tuple[str, ...], float], ...]] = {
    JoinPolicy.OPEN: ((("join",), 80), (("join", "leave"), 12), (("join", "remove"), 3), (("invite",), 5)),
    JoinPolicy.APPLICATION: (
        (("apply", "approve"), 62),
        (("apply",), 12),
        (("apply", "reject"), 6),
        (("apply", "withdraw"), 3),
        (("invite", "accept"), 6),
        (("invite",), 3),
        (("invite", "decline"), 2),
        (("apply", "approve", "leave"), 4),
        (("apply", "approve", "remove"), 2),
    ),
    JoinPolicy.INVITATION: (
        (("invite", "accept"), 70),
        (("invite",), 15),
        (("invite", "decline"), 8),
        (("invite", "accept", "leave"), 7),
    ),
}
STEP = {  # action -> (from, to)
    "join": ("", "active"),
    "apply": ("", "applied"),
    "invite": ("", "invited"),
    "approve": ("applied", "active"),
    "reject": ("applied", "rejected"),
    "withdraw": ("applied", "withdrawn"),
    "accept": ("invited", "active"),
    "decline": ("invited", "declined"),
    "leave": ("active", "left"),
    "remove": ("active", "removed"),
}
MODERATOR_ACTIONS = {"invite", "approve", "reject", "remove"}
MembershipPlan = tuple[int, int, tuple[str, ...], datetime]  # cluster id, firm id, actions, when the first was taken


def _build_bulk(ctx: DemoContext, admin: User, openings: list[Opening]) -> None:
    """More clusters (one per FIRMS_PER_BULK_CLUSTER firms) and every bulk firm's memberships, by COPY."""
    rng = ctx.rng("clusters:bulk")
    bulk_firms = ctx.ids["firms"][ctx.core_firms :]
    by_place: dict[tuple[str, str], list[int]] = {}
    for firm_id in bulk_firms:
        by_place.setdefault((ctx.facts["firm_province"][firm_id], ctx.facts["firm_group"][firm_id]), []).append(firm_id)
    sector_ids = dict(Sector.objects.values_list("code", "id"))
    provinces = list(PROVINCE_WEIGHTS)

    count = max(1, len(bulk_firms) // FIRMS_PER_BULK_CLUSTER)
    cluster_ids = allocate_ids(Cluster, count)
    rows: list[tuple[object, ...]] = []
    sector_rows: list[tuple[int, int]] = []
    moderator_rows: list[tuple[int, int]] = []
    founding: dict[int, list[int]] = {}  # firm id -> clusters it founded
    founded_at: dict[int, datetime] = {}
    policies = [JoinPolicy.APPLICATION, JoinPolicy.OPEN, JoinPolicy.INVITATION]
    for number, cluster_id in enumerate(cluster_ids):
        province = rng.choices(provinces, weights=[PROVINCE_WEIGHTS[p] for p in provinces])[0]
        groups = PROVINCE_GROUPS[province]
        group_key = rng.choices(list(groups), weights=list(groups.values()))[0]
        group = GROUPS[group_key]
        city = rng.choice(CITIES[province])
        founder_id = rng.choice(by_place.get((province, group_key)) or bulk_firms)
        virtual = rng.random() < 0.3
        policy = rng.choices(policies, weights=[6, 3, 1])[0]
        status = ClusterStatus.APPROVED if rng.random() < 0.95 else ClusterStatus.PROPOSED
        founder_user = ctx.facts["firm_owner"][founder_id]
        created = ctx.now - timedelta(days=rng.randint(200, 700))  # founders registered 720+ days ago
        if virtual:
            name_zh = f"{group.label_zh}跨区域虚拟集群{number + 1}"
            name_en = f"{group.label_en.capitalize()} virtual cluster {number + 1}"
            home_province, home_belt = "", ""
        else:
            name_zh = f"{city.zh}{group.label_zh}产业集群{number + 1}"
            name_en = f"{city.en} {group.label_en} cluster {number + 1}"
            home_province, home_belt = province, f"{city.zh}{group.label_zh}产业带 / {city.en} {group.label_en} belt"
        rows.append(
            (
                cluster_id,
                name_zh,
                name_en,
                f"demo-{group_key.replace('_', '-')}-{number + 1}",
                f"{group.label_zh} · {group.label_en}",
                "",
                home_province,
                home_belt,
                policy,
                "before" if rng.random() < 0.7 else "after",
                status,
                founder_id,
                founder_user,
                admin.pk if status == ClusterStatus.APPROVED else None,
                "",
                created,
            )
        )
        sector_rows.extend((cluster_id, sector_ids[code]) for code in group.sectors)
        if status == ClusterStatus.APPROVED:
            moderator_rows.append((cluster_id, founder_user))
            founding.setdefault(founder_id, []).append(cluster_id)
            founded_at[cluster_id] = created + timedelta(days=7)
            openings.append(Opening(cluster_id, (group_key,), home_province, policy, created))
            ctx.facts["cluster_moderators"][cluster_id] = [founder_user]
            ctx.facts["cluster_members"][cluster_id] = []
    copy_rows(
        Cluster,
        [
            "id",
            "name_zh",
            "name_en",
            "slug",
            "theme",
            "description",
            "home_province",
            "home_belt",
            "join_policy",
            "asset_review",
            "status",
            "proposed_by_id",
            "proposer_id",
            "decided_by_id",
            "decision_reason",
            "created_at",
        ],
        rows,
    )
    through_rows(Cluster.sectors, sector_rows)
    through_rows(Cluster.moderators, moderator_rows)
    ctx.ids["clusters"].extend(cluster_ids)

    by_group: dict[str, list[Opening]] = {}
    for opening in openings:
        for group_key in opening.groups:
            by_group.setdefault(group_key, []).append(opening)

    bar = ctx.progress(total=len(bulk_firms), desc="memberships", unit="firm")
    for offset, batch in enumerate(chunks(bulk_firms, BATCH)):
        plans: list[MembershipPlan] = []
        for number, firm_id in enumerate(batch):
            firm_rng = ctx.rng(f"clusters:firm:{offset * BATCH + number}")
            for cluster_id in founding.get(firm_id, ()):
                plans.append((cluster_id, firm_id, ("found",), founded_at[cluster_id]))
            for opening in _pick(
                firm_rng, by_group.get(ctx.facts["firm_group"][firm_id], []), ctx.facts["firm_province"][firm_id]
            ):
                if opening.cluster_id in founding.get(firm_id, ()):
                    continue
                choices = BULK_PATHS[opening.policy]
                path = firm_rng.choices([p for p, _w in choices], weights=[w for _p, w in choices])[0]
                days = firm_rng.randint(1, 45) if len(path) == 1 and path[0] != "join" else firm_rng.randint(5, 700)
                start = max(
                    ctx.now - timedelta(days=max(days, STEP_DAYS * len(path) + 1), minutes=firm_rng.randint(0, 1439)),
                    opening.created_at + timedelta(days=8),  # nobody joins before the cluster exists
                )
                plans.append((opening.cluster_id, firm_id, path, start))
        _copy_memberships(ctx, plans)
        bar.update(len(batch))
    bar.close()


def _pick(rng: random.Random, openings: list[Opening], province: str) -> list[Opening]:
    """Up to three clusters of the firm's industry; its own province's belts and virtual clusters weigh more."""
    wanted = rng.choices((0, 1, 2, 3), weights=(25, 45, 22, 8))[0]
    pool = list(openings)
    picked: list[Opening] = []
    while pool and len(picked) < wanted:
        weights = [4 if o.home_province in ("", province) else 1 for o in pool]
        picked.append(pool.pop(rng.choices(range(len(pool)), weights=weights)[0]))
    return picked


def _copy_memberships(ctx: DemoContext, plans: list[MembershipPlan]) -> None:
    ids = allocate_ids(ClusterMembership, len(plans))
    memberships, events = [], []
    for membership_id, (cluster_id, firm_id, path, start) in zip(ids, plans, strict=True):
        owner = ctx.facts["firm_owner"][firm_id]
        moderator = ctx.facts["cluster_moderators"].get(cluster_id, [ctx.facts["admin_id"]])[0]
        at = start
        status, joined = "", None
        for step, action in enumerate(path):
            at = start + timedelta(days=STEP_DAYS * step)
            source, target = ("", "active") if action == "found" else STEP[action]
            actor = ctx.facts["admin_id"] if action == "found" else moderator if action in MODERATOR_ACTIONS else owner
            events.append((membership_id, action, source, target, actor, MESSAGES.get(action, ""), at))
            status = target
            if target == "active":
                joined = at
        memberships.append((membership_id, cluster_id, firm_id, status, "", start, at, joined))
        if status == "active":
            ctx.facts["cluster_members"].setdefault(cluster_id, []).append(firm_id)
    copy_rows(
        ClusterMembership,
        ["id", "cluster_id", "firm_id", "status", "message", "created_at", "updated_at", "joined_at"],
        memberships,
    )
    copy_rows(
        MembershipEvent, ["membership_id", "action", "from_status", "to_status", "actor_id", "reason", "at"], events
    )
    ctx.ids["memberships"].extend(ids)


demo_stage_register(DemoStage(name="clusters", order=20, build=build))
