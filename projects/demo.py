"""Demo stage "projects": one challenge of each kind the platform runs, posted by the anchor firms.

So that the published demo logins find the challenge flow at work: the Hangzhou textile-machinery
firm (``owner@hangzhou-textile.demo.vc``) sponsors a design challenge that has two sealed entries and a
question answered in public, and takes part in the others; the Foshan appliance firm
(``owner@foshan-appliance.demo.vc``) runs a qualifying → final challenge and enters the design challenge.
An open ideation (ideas, comments, support) and an RFP with two sealed proposals complete the kinds.
Everything goes through the services (terms before the confidential brief, receipts, audit), dated now:
the deadlines lie ahead, so every challenge is open when the demo starts.

Relies on the identity stage (``ids["firms"]``, ``facts["firm_owner"]``; the anchors come first);
leaves ``ids["projects"]``.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from platform_.demo import DemoContext, DemoStage, demo_stage_register
from platform_.demo.identity import ANCHOR_INDEX
from platform_.identity.models import Firm, User
from projects import services
from projects.models import IpTerms, Project, ProjectKind
from projects.services import ideas as idea_services
from projects.services import proposals as proposal_services
from projects.services.proposals import MilestoneTerms


def _file(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/plain")


def _post(ctx: DemoContext, firm: Firm, owner: User, *, days: int, criteria: tuple[str, ...], **fields: Any) -> Project:
    project = services.project_create(by=owner, firm=firm, deadline=ctx.now + timedelta(days=days), **fields)
    for position, name in enumerate(criteria):
        services.criterion_create(project=project, by=owner, name=name, weight=Decimal(2 - min(position, 1)))
    return project


def build(ctx: DemoContext) -> None:
    firm_ids = ctx.ids.get("firms", [])
    owners: dict[int, int] = ctx.facts.get("firm_owner", {})

    def anchor(slug: str) -> tuple[Firm, User]:
        firm = Firm.objects.get(pk=firm_ids[ANCHOR_INDEX[slug]])
        return firm, User.objects.get(pk=owners[firm.pk])

    hz, fs = anchor("hangzhou-textile"), anchor("foshan-appliance")
    silk, shoes = anchor("wujiang-silk"), anchor("jinjiang-footwear")
    made: list[int] = []
    bar = ctx.progress(total=4, desc="projects", unit="challenge")

    # A design challenge with sealed entries and a public answer.
    design = _post(
        ctx, *hz, days=30, criteria=("减重 Weight saving", "成本 Cost"),
        title="织机机架轻量化设计 · A lighter loom frame",
        brief="为高速剑杆织机设计一款更轻的机架，刚度不低于现有机架。\n"
        "Design a lighter frame for a high-speed rapier loom, at least as stiff as today's.",
        confidential_brief="现有机架图纸 77-A 及其振动测试数据。\n"
        "The current frame drawing 77-A and its vibration tests.",
        terms="参赛作品须为原创。\nEntries are original work.",
        award_amount=Decimal("50000.00"), ip_terms=IpTerms.NON_EXCLUSIVE,
    )  # fmt: skip
    design = services.project_transition(project=design, action="publish", by=hz[1])
    for (firm, owner), idea in ((silk, "碳纤维复合材料横梁"), (fs, "铝合金蜂窝结构")):
        services.terms_accept(project=design, by=owner, firm=firm)
        services.entry_submit(
            project=design, by=owner, firm=firm, title=idea,
            files=[_file("concept.txt", f"{idea}: 方案说明 / concept notes")], description=idea,
        )  # fmt: skip
    question = services.question_ask(project=design, by=fs[1], firm=fs[0], text="机架可以使用钢铝混合结构吗？")
    services.question_answer(question=question, by=hz[1], answer="可以，请说明连接方式。Yes; describe the joints.")
    made.append(design.pk)
    bar.update()

    # Rounds: a qualifying phase, then a final of up to six shortlisted teams.
    rounds = _post(
        ctx, *fs, days=14, criteria=("外观 Looks", "可制造性 Manufacturability"),
        title="小家电外壳设计 · A small-appliance housing",
        brief="为新款空气炸锅设计外壳：资格赛提交草图，入围者在决赛提交完整设计。\n"
        "A housing for a new air fryer: sketches in the qualifying round, full designs in the final.",
        terms="入围者将收到书面反馈。\nShortlisted teams receive written feedback.",
        award_amount=Decimal("30000.00"),
    )  # fmt: skip
    services.phase_add(project=rounds, by=fs[1], name="资格赛 Qualifying", deadline=ctx.now + timedelta(days=14))
    services.phase_add(
        project=rounds, by=fs[1], name="决赛 Final", deadline=ctx.now + timedelta(days=35), shortlist_limit=6
    )
    rounds = services.project_transition(project=rounds, action="publish", by=fs[1])
    services.terms_accept(project=rounds, by=hz[1], firm=hz[0])
    services.entry_submit(
        project=rounds, by=hz[1], firm=hz[0], title="圆角极简外壳", files=[_file("sketch.txt", "草图 / sketch")]
    )
    made.append(rounds.pk)
    bar.update()

    # Open ideation: participants see each other's ideas, comment on them and support them.
    ideation = _post(
        ctx, *silk, days=21, criteria=("新颖性 Novelty",), kind=ProjectKind.IDEATION,
        title="丝绸边角料再利用创意 · Ideas for silk offcuts",
        brief="每年数吨丝绸边角料如何变成产品？欢迎简短的创意。\nTonnes of silk offcuts a year: short ideas welcome.",
        award_other="最佳创意者受邀共同开发 / The best idea's authors are invited to develop it with us.",
    )  # fmt: skip
    idea_services.ideation_set(project=ideation, by=silk[1], open=True)
    ideation = services.project_transition(project=ideation, action="publish", by=silk[1])
    ideas = []
    for (firm, owner), title, text in (
        (hz, "丝绸填充物", "把边角料粉碎后作为高端靠垫填充物。Shredded offcuts as premium cushion filling."),
        (fs, "电器防尘罩", "用边角料缝制小家电防尘罩。Dust covers for small appliances."),
        (shoes, "鞋垫面料", "丝绸拼接鞋垫，吸湿透气。Patchwork silk insoles that breathe."),
    ):
        services.terms_accept(project=ideation, by=owner, firm=firm)
        ideas.append(idea_services.idea_submit(project=ideation, by=owner, firm=firm, title=title, text=text))
    idea_services.idea_comment(
        idea=ideas[0], by=fs[1], firm=fs[0], text="可以和我们的包装结合。It could go into our packaging."
    )
    idea_services.idea_support(idea=ideas[2], by=hz[1], firm=hz[0])
    made.append(ideation.pk)
    bar.update()

    # An RFP: sealed proposals with a price, a delivery time and payment milestones.
    rfp = _post(
        ctx, *shoes, days=25, criteria=("价格 Price", "交期 Delivery"), kind=ProjectKind.RFP,
        title="鞋底模具供应 · Sole moulds supply",
        brief="采购 12 套 EVA 鞋底模具，含试模。\n12 EVA sole moulds, trial moulding included.",
        terms="报价含税。\nPrices include VAT.", award_other="供货合同 / The supply contract",
    )  # fmt: skip
    rfp = services.project_transition(project=rfp, action="publish", by=shoes[1])
    for (firm, owner), price, days in ((hz, "168000.00", 45), (silk, "152000.00", 60)):
        services.terms_accept(project=rfp, by=owner, firm=firm)
        proposal_services.proposal_submit(
            project=rfp, by=owner, firm=firm, summary="数控加工，两轮试模。CNC machining, two trial rounds.",
            price=Decimal(price), delivery_days=days,
            milestones=[
                MilestoneTerms("设计确认 Design approved", Decimal(price) * Decimal("0.3"), 10),
                MilestoneTerms("模具交付 Moulds delivered", Decimal(price) * Decimal("0.7"), days),
            ],
        )  # fmt: skip
    made.append(rfp.pk)
    bar.update()
    bar.close()
    ctx.ids["projects"] = made


demo_stage_register(DemoStage(name="projects", order=40, build=build))
