"""RFP: sealed proposals with price, delivery time and milestones; the sponsor's comparison and selection;
the contract's milestones accepted or returned, each step recorded, audited and notified."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from platform_.audit.models import AuditEntry
from platform_.errors import Conflict, DomainError, NotAllowed, NotFound
from platform_.notifications.models import Notification
from projects import selectors_types, services
from projects.models import ProjectStatus
from projects.models_types import Contract, MilestoneStatus
from projects.services import contracts, proposals
from projects.services.proposals import MilestoneTerms
from tests.factories import UserFactory, firm_with_owner
from tests.projects.factories import open_project, pass_deadline, solver

pytestmark = pytest.mark.django_db

PLAN = [MilestoneTerms("Prototype", Decimal("40000"), 30), MilestoneTerms("Delivery", Decimal("60000"), 90)]


def propose(project: Any, who: tuple[Any, Any], price: str = "100000", plan: Any = None) -> Any:
    firm, owner = who
    return proposals.proposal_submit(
        project=project,
        by=owner,
        firm=firm,
        summary="Steel frame, CNC cut.",
        price=Decimal(price),
        delivery_days=90,
        milestones=PLAN if plan is None else plan,
    )


def closed_rfp(count: int = 2) -> dict[str, Any]:
    project, sponsor = open_project(kind="rfp")
    bidders = [solver(project) for _ in range(count)]
    found = [
        propose(project, who, price=str(price), plan=[MilestoneTerms("All", Decimal(price), 60)])
        for who, price in zip(bidders, (90000, 100000, 80000), strict=False)
    ]
    pass_deadline(project)
    services.projects_close_due()
    project.refresh_from_db()
    return {"project": project, "sponsor": sponsor, "bidders": bidders, "proposals": found}


def test_a_proposal_carries_price_delivery_and_milestones() -> None:
    project, _sponsor = open_project(kind="rfp")
    proposal = propose(project, solver(project))
    assert proposal.price == Decimal("100000")
    assert [(m.position, m.title, m.due_days) for m in proposal.milestones.all()] == [
        (1, "Prototype", 30),
        (2, "Delivery", 90),
    ]
    assert AuditEntry.objects.filter(action="project.proposal_submit").exists()


@pytest.mark.parametrize(
    ("price", "plan", "field"),
    [
        ("90000", PLAN, "milestones"),  # payments do not add up to the price
        ("100000", [], "milestones"),
        ("100000", [MilestoneTerms("Late", Decimal("100000"), 91)], "milestones"),  # after delivery
        ("-1", PLAN, "price"),
        ("0.01", [MilestoneTerms("A", Decimal("0.005"), 1), MilestoneTerms("B", Decimal("0.005"), 2)], "milestones"),
    ],
)
def test_inconsistent_proposals_are_refused(price: str, plan: Any, field: str) -> None:
    project, _sponsor = open_project(kind="rfp")
    with pytest.raises(DomainError) as refused:
        propose(project, solver(project), price=price, plan=plan)
    assert refused.value.field == field


def test_resubmitting_replaces_the_proposal() -> None:
    project, _sponsor = open_project(kind="rfp")
    who = solver(project)
    first = propose(project, who)
    second = propose(project, who, price="50000", plan=[MilestoneTerms("All", Decimal("50000"), 60)])
    assert first.pk == second.pk
    assert second.milestones.count() == 1


def test_proposals_need_terms_an_open_rfp_and_no_design_takes_them() -> None:
    project, _sponsor = open_project(kind="rfp")
    with pytest.raises(NotAllowed):
        propose(project, firm_with_owner())
    design, _ = open_project()
    with pytest.raises(Conflict):
        propose(design, solver(design))
    who = solver(project)
    pass_deadline(project)
    with pytest.raises(Conflict):
        propose(project, who)


def test_an_rfp_takes_no_design_entries() -> None:
    from tests.projects.factories import upload

    project, _sponsor = open_project(kind="rfp")
    firm, owner = solver(project)
    with pytest.raises(Conflict):
        services.entry_submit(project=project, by=owner, firm=firm, files=[upload()])


def test_proposals_are_sealed_per_role() -> None:
    project, sponsor = open_project(kind="rfp")
    alice, bob = solver(project), solver(project)
    mine = propose(project, alice)
    propose(project, bob)
    assert [p.pk for p in selectors_types.proposals_visible_to(user=alice[1], project=project)] == [mine.pk]
    # Sealed from the sponsor too until entries close.
    assert not selectors_types.proposals_visible_to(user=sponsor, project=project).exists()
    with pytest.raises(NotFound):
        selectors_types.proposal_comparison(user=sponsor, project=project)
    pass_deadline(project)
    services.projects_close_due()
    project.refresh_from_db()
    assert selectors_types.proposals_visible_to(user=sponsor, project=project).count() == 2
    judge = UserFactory.create()
    services.judge_add(project=project, by=sponsor, user=judge)
    for outsider in (judge, bob[1], firm_with_owner()[1]):
        with pytest.raises(NotFound):
            selectors_types.proposal_comparison(user=outsider, project=project)
    assert not selectors_types.proposals_visible_to(user=judge, project=project).exists()
    with pytest.raises(NotFound):
        selectors_types.proposal_get(user=bob[1], project=project, proposal_id=mine.pk)


def test_the_comparison_is_cheapest_first() -> None:
    data = closed_rfp(3)
    rows = selectors_types.proposal_comparison(user=data["sponsor"], project=data["project"])
    assert [p.price for p in rows] == sorted(p.price for p in rows)


def test_selection_only_once_entries_have_closed_and_only_by_the_sponsor() -> None:
    project, sponsor = open_project(kind="rfp")
    proposal = propose(project, solver(project))
    with pytest.raises(Conflict):
        proposals.proposal_select(proposal=proposal, by=sponsor)
    pass_deadline(project)
    services.projects_close_due()
    proposal.refresh_from_db()
    with pytest.raises(NotAllowed):
        proposals.proposal_select(proposal=proposal, by=firm_with_owner()[1])
    assert not Contract.objects.exists()


def test_selection_awards_the_project_and_makes_the_contract() -> None:
    data = closed_rfp()
    chosen = data["proposals"][1]
    contract = proposals.proposal_select(proposal=chosen, by=data["sponsor"])
    project = data["project"]
    project.refresh_from_db()
    assert project.status == ProjectStatus.AWARDED
    assert project.transitions.filter(action="select_supplier").exists()
    assert contract.price == chosen.price
    assert contract.supplier_id == chosen.team_id
    assert [m.status for m in contract.milestones.all()] == [MilestoneStatus.PENDING] * chosen.milestones.count()
    assert AuditEntry.objects.filter(action="project.supplier_select").exists()
    winner = data["bidders"][1][1]
    assert Notification.objects.filter(recipient=winner, kind="project.supplier_selected").exists()
    other = data["bidders"][0][1]  # the other bidder learns the outcome, and only they do
    assert set(Notification.objects.filter(kind="project.result").values_list("recipient", flat=True)) == {other.pk}
    with pytest.raises(Conflict):
        proposals.proposal_select(proposal=data["proposals"][0], by=data["sponsor"])


def test_selection_is_allowed_from_judging_too() -> None:
    data = closed_rfp()
    judge = UserFactory.create()
    services.judge_add(project=data["project"], by=data["sponsor"], user=judge)
    services.project_transition(project=data["project"], action="start_judging", by=data["sponsor"])
    proposals.proposal_select(proposal=data["proposals"][0], by=data["sponsor"])
    data["project"].refresh_from_db()
    assert data["project"].status == ProjectStatus.AWARDED


def test_an_rfp_is_not_awarded_through_the_design_award() -> None:
    data = closed_rfp()
    assert "select_supplier" in services.allowed_actions(project=data["project"], user=data["sponsor"])
    with pytest.raises(DomainError):
        services.project_transition(project=data["project"], action="select_supplier", by=data["sponsor"])


def contracted() -> dict[str, Any]:
    data = closed_rfp()
    data["contract"] = proposals.proposal_select(proposal=data["proposals"][0], by=data["sponsor"])
    data["supplier"] = data["bidders"][0][1]
    data["loser"] = data["bidders"][1][1]
    data["milestone"] = data["contract"].milestones.first()
    return data


def test_milestones_are_delivered_returned_redelivered_and_accepted_with_a_record() -> None:
    data = contracted()
    milestone, supplier, sponsor = data["milestone"], data["supplier"], data["sponsor"]
    with pytest.raises(Conflict):
        contracts.milestone_decide(milestone=milestone, by=sponsor, accept=True)
    contracts.milestone_submit(milestone=milestone, by=supplier, note="Prototype shipped")
    assert Notification.objects.filter(recipient=sponsor, kind="project.milestone_submit").exists()
    with pytest.raises(DomainError):
        contracts.milestone_decide(milestone=milestone, by=sponsor, accept=False, note=" ")
    contracts.milestone_decide(milestone=milestone, by=sponsor, accept=False, note="Weld seams crack")
    assert Notification.objects.filter(recipient=supplier, kind="project.milestone_return").exists()
    contracts.milestone_submit(milestone=milestone, by=supplier, note="Rewelded")
    done = contracts.milestone_decide(milestone=milestone, by=sponsor, accept=True, note="Good")
    assert done.status == MilestoneStatus.ACCEPTED
    assert list(done.events.values_list("action", "note")) == [
        ("submit", "Prototype shipped"),
        ("return", "Weld seams crack"),
        ("submit", "Rewelded"),
        ("accept", "Good"),
    ]
    assert AuditEntry.objects.filter(action__startswith="project.milestone_").count() == 4
    with pytest.raises(Conflict):
        contracts.milestone_submit(milestone=milestone, by=supplier)


def test_only_the_supplier_delivers_and_only_the_sponsor_decides() -> None:
    data = contracted()
    milestone = data["milestone"]
    with pytest.raises(NotAllowed):
        contracts.milestone_submit(milestone=milestone, by=data["loser"])
    with pytest.raises(NotAllowed):
        contracts.milestone_submit(milestone=milestone, by=data["sponsor"])
    contracts.milestone_submit(milestone=milestone, by=data["supplier"])
    with pytest.raises(NotAllowed):
        contracts.milestone_decide(milestone=milestone, by=data["supplier"], accept=True)


def test_the_contract_is_seen_by_the_sponsor_and_the_supplier_only() -> None:
    data = contracted()
    project = data["project"]
    assert selectors_types.contract_visible_to(user=data["sponsor"], project=project) is not None
    assert selectors_types.contract_visible_to(user=data["supplier"], project=project) is not None
    assert selectors_types.contract_visible_to(user=data["loser"], project=project) is None
    assert selectors_types.contract_visible_to(user=firm_with_owner()[1], project=project) is None
    with pytest.raises(NotFound):
        selectors_types.milestone_get(user=data["loser"], project=project, milestone_id=data["milestone"].pk)
