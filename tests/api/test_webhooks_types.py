"""The challenge types' webhook events reach exactly the firms entitled to them, with ids only."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from platform_.api.models import WebhookDelivery
from projects import services
from projects.services import contracts, ideas, proposals
from projects.services.proposals import MilestoneTerms
from tests.api.factories import endpoint_for
from tests.projects.factories import open_project, pass_deadline, solver, sponsor_project

EVENTS = ["contract.created", "contract.milestone_submitted", "contract.milestone_accepted", "proposal.submitted"]


def test_milestone_accepted_reaches_the_sponsor_and_the_supplier_only(
    receiver: Any, db: Any, django_capture_on_commit_callbacks: Any
) -> None:
    project, sponsor = open_project(kind="rfp")
    supplier, loser = solver(project), solver(project)
    for firm, owner in ((project.sponsor, sponsor), supplier, loser):
        endpoint_for(firm=firm, by=owner, url=receiver.url, events=EVENTS)
    with django_capture_on_commit_callbacks(execute=True):
        chosen = proposals.proposal_submit(
            project=project,
            by=supplier[1],
            firm=supplier[0],
            summary="SECRET approach",
            price=Decimal(10),
            delivery_days=5,
            milestones=[MilestoneTerms("All", Decimal(10), 5)],
        )
    submitted = WebhookDelivery.objects.get(event="proposal.submitted")
    assert submitted.endpoint.firm_id == project.sponsor_id
    assert submitted.payload == {"project_id": project.pk, "proposal_id": chosen.pk}
    pass_deadline(project)
    services.projects_close_due()
    with django_capture_on_commit_callbacks(execute=True):
        contract = proposals.proposal_select(proposal=chosen, by=sponsor)
    milestone = contract.milestones.get()
    with django_capture_on_commit_callbacks(execute=True):
        contracts.milestone_submit(milestone=milestone, by=supplier[1], note="SECRET note")
    with django_capture_on_commit_callbacks(execute=True):
        contracts.milestone_decide(milestone=milestone, by=sponsor, accept=True)
    accepted = WebhookDelivery.objects.filter(event="contract.milestone_accepted")
    assert set(accepted.values_list("endpoint__firm_id", flat=True)) == {project.sponsor_id, supplier[0].pk}
    first = accepted.first()
    assert first is not None
    assert first.payload == {
        "contract_id": contract.pk,
        "milestone_id": milestone.pk,
        "position": 1,
        "project_id": project.pk,
    }
    for event in ("contract.created", "contract.milestone_submitted"):
        told = set(WebhookDelivery.objects.filter(event=event).values_list("endpoint__firm_id", flat=True))
        assert told == {project.sponsor_id, supplier[0].pk}
    assert not WebhookDelivery.objects.filter(endpoint__firm=loser[0]).exists()
    assert "SECRET" not in str(list(WebhookDelivery.objects.values_list("payload", flat=True)))


def test_selecting_a_supplier_announces_the_award_to_the_sponsor_and_every_proposer(
    receiver: Any, db: Any, django_capture_on_commit_callbacks: Any
) -> None:
    project, sponsor = open_project(kind="rfp")
    supplier, loser, bystander = solver(project), solver(project), solver(project)
    for firm, owner in ((project.sponsor, sponsor), supplier, loser, bystander):
        endpoint_for(firm=firm, by=owner, url=receiver.url, events=["project.awarded"])
    found = [
        proposals.proposal_submit(
            project=project, by=who[1], firm=who[0], summary="plan", price=Decimal(10), delivery_days=5,
            milestones=[MilestoneTerms("All", Decimal(10), 5)],
        )
        for who in (supplier, loser)
    ]  # fmt: skip
    pass_deadline(project)
    services.projects_close_due()
    with django_capture_on_commit_callbacks(execute=True):
        proposals.proposal_select(proposal=found[0], by=sponsor)
    awarded = WebhookDelivery.objects.filter(event="project.awarded")
    assert set(awarded.values_list("endpoint__firm_id", flat=True)) == {project.sponsor_id, supplier[0].pk, loser[0].pk}
    assert {d.payload["project_id"] for d in awarded} == {project.pk}


def test_idea_merged_reaches_the_credited_firms_and_the_sponsor(
    receiver: Any, db: Any, django_capture_on_commit_callbacks: Any
) -> None:
    project, sponsor = sponsor_project(kind="ideation")
    ideas.ideation_set(project=project, by=sponsor, open=True)
    services.project_transition(project=project, action="publish", by=sponsor)
    alice, bob, carol = solver(project), solver(project), solver(project)
    for firm, owner in ((project.sponsor, sponsor), alice, bob, carol):
        endpoint_for(firm=firm, by=owner, url=receiver.url, events=["idea.merged", "idea.submitted"])
    with django_capture_on_commit_callbacks(execute=True):
        a = ideas.idea_submit(project=project, by=alice[1], firm=alice[0], title="A", text="SECRET a")
        b = ideas.idea_submit(project=project, by=bob[1], firm=bob[0], title="B", text="SECRET b")
    submitted = WebhookDelivery.objects.filter(event="idea.submitted")
    assert set(submitted.values_list("endpoint__firm_id", flat=True)) == {project.sponsor_id}
    with django_capture_on_commit_callbacks(execute=True):
        ideas.idea_merge(idea=a, by=sponsor, duplicates=[b])
    merged = WebhookDelivery.objects.filter(event="idea.merged")
    assert set(merged.values_list("endpoint__firm_id", flat=True)) == {project.sponsor_id, alice[0].pk, bob[0].pk}
    assert "SECRET" not in str(list(WebhookDelivery.objects.values_list("payload", flat=True)))


pytestmark = pytest.mark.django_db
