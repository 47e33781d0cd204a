"""Notifications of the rounds and the types are stored as a message key with parameters and
rendered in each reader's language: one test per kind, in Chinese and in English."""

from __future__ import annotations

import re
from typing import Any

import pytest

from platform_.identity.models import FirmMember
from platform_.notifications.messages import render
from platform_.notifications.models import Notification
from projects import services
from projects.services import contracts, ideas, proposals
from tests.factories import UserFactory
from tests.projects.factories import open_project, solver
from tests.projects.rounds_builders import open_final, two_phase_judging
from tests.projects.test_appeals import _first, _published
from tests.projects.test_ideas import ideation, submit
from tests.projects.test_proposals import closed_rfp, propose

pytestmark = pytest.mark.django_db

CJK = re.compile(r"[\u4e00-\u9fff]")


def _both(kind: str, english: str) -> None:
    """The kind's notification carries its message key and reads right in either language."""
    row = Notification.objects.filter(kind=kind).first()
    assert row is not None, kind
    stored = row.data["i18n"]["title"]
    assert english in render(stored, language="en")
    assert not CJK.search(render(stored, language="en").replace("“", ""))
    assert CJK.search(render(stored, language="zh-hans")), kind


def _speaks(user: Any, language: str) -> Any:
    user.language = language
    user.save(update_fields=["language"])
    return user


def test_the_kind_word_reaches_each_solver_in_their_own_language() -> None:
    data = two_phase_judging(entries=4)
    english = _speaks(data["solvers"][2][1], "en")
    chinese = _speaks(data["solvers"][3][1], "zh-hans")
    _speaks(data["solvers"][0][1], "en")
    open_final(data, shortlisted=2)
    en = Notification.objects.get(recipient=english, kind="project.not_shortlisted")
    zh = Notification.objects.get(recipient=chinese, kind="project.not_shortlisted")
    assert en.title.startswith("Thank you for your entry")
    assert "Thank you for the work" in en.body
    assert not CJK.search(en.body)
    assert CJK.search(zh.title)
    assert CJK.search(zh.body)
    assert "Thank you" not in zh.body
    shortlisted = Notification.objects.get(recipient=data["solvers"][0][1], kind="project.shortlisted")
    assert shortlisted.title.startswith("Shortlisted for “Final”")
    assert shortlisted.body == "Lighter hinge, please."  # the sponsor's own words, untranslated
    _both("project.shortlisted", "Shortlisted for")
    _both("project.not_shortlisted", "Thank you for your entry")
    _both("project.open_phase", "is open")


def test_assignment_notifications_in_both_languages() -> None:
    data = two_phase_judging(entries=2)
    services.assignments_auto(project=data["project"], by=data["sponsor"], reviews_per_entry=1)
    _both("project.assigned", "Entries to review")


def test_appeal_notifications_in_both_languages() -> None:
    data = _published()
    project = data["project"]
    firm, owner, entry = _first(data)
    appeal = services.appeal_file(project=project, by=owner, firm=firm, entry=entry, reason="Weight misread")
    services.appeal_decide(project=project, by=data["sponsor"], appeal=appeal, upheld=True, answer="Agreed.")
    criteria = list(project.criteria.all())
    services.score_revise(project=project, by=data["judge"], entry=entry, values={c.pk: c.scale_max for c in criteria})
    _both("project.appeal", "Appeal filed")
    _both("project.appeal_decided", "Appeal upheld")
    _both("project.score_revised", "Scores revised after an appeal")
    decided = Notification.objects.filter(kind="project.appeal_decided").first()
    assert decided is not None
    assert decided.body == "Agreed."


def test_idea_notifications_in_both_languages() -> None:
    project, sponsor = ideation(open_mode=True)
    alice, bob, carol = solver(project), solver(project), solver(project)
    idea_a = submit(project, alice, "Bamboo frame")
    idea_b = submit(project, bob, "Bamboo loom frame")
    # A person's own submission is not notified to themselves; a colleague of the firm hears of it.
    ideas.idea_comment(idea=idea_a, by=carol[1], firm=carol[0], text="Tested it?")
    ideas.idea_support(idea=idea_a, by=carol[1], firm=carol[0])
    ideas.idea_merge(idea=idea_a, by=sponsor, duplicates=[idea_b])
    _both("project.idea_comment", "New comment on your idea")
    _both("project.idea_support", "has a new supporter")
    _both("project.idea_merge", "Ideas were merged into")


def test_proposal_and_contract_notifications_in_both_languages() -> None:
    data = closed_rfp()
    contract = proposals.proposal_select(proposal=data["proposals"][0], by=data["sponsor"])
    supplier = data["bidders"][0][1]
    milestone = contract.milestones.first()
    assert milestone is not None
    contracts.milestone_submit(milestone=milestone, by=supplier, note="Shipped")
    contracts.milestone_decide(milestone=milestone, by=data["sponsor"], accept=False, note="Cracks")
    contracts.milestone_submit(milestone=milestone, by=supplier, note="Fixed")
    contracts.milestone_decide(milestone=milestone, by=data["sponsor"], accept=True, note="Good")
    _both("project.supplier_selected", "was selected")
    _both("project.milestone_submit", "Milestone delivered")
    _both("project.milestone_return", "Milestone returned for rework")
    _both("project.milestone_accept", "Milestone accepted")


def test_received_notifications_in_both_languages() -> None:
    """The submitter is not told of their own act; a colleague of the firm is."""
    project, _sponsor = ideation(open_mode=False)
    firm, owner = solver(project)
    FirmMember.objects.create(firm=firm, user=UserFactory.create())
    submit(project, (firm, owner), "Quiet idea")
    _both("project.idea_received", "Idea received")
    rfp, _rfp_sponsor = open_project(kind="rfp")
    bidder = solver(rfp)
    FirmMember.objects.create(firm=bidder[0], user=UserFactory.create())
    propose(rfp, bidder)
    _both("project.proposal_received", "Proposal received")
