"""The two-phase journey in a real browser: the sponsor shortlists after the qualifying phase and
opens the final (the award is now guaranteed), a finalist submits a revised version, two judges are
assigned by balancing and review from their queues, the scores are published, a finalist appeals,
the sponsor upholds it, the judge revises, and the ranking follows."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from platform_.audit.models import AuditEntry
from projects import services
from projects.models import Project
from projects.models_rounds import Assignment
from tests.knowledge.factories import pdf_bytes
from tests.projects.factories import pass_deadline
from tests.projects.rounds_builders import entry_of, two_phase_judging
from tests.projects.test_browser import _signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_two_phases_balanced_judges_and_an_upheld_appeal(page_factory: Any, live_server: Any, tmp_path: Any) -> None:
    data = two_phase_judging(entries=3, judges=2)
    project = data["project"]
    url = f"{live_server.url}{project.get_absolute_url()}"
    (_firm_a, owner_a), (firm_b, owner_b), (_firm_c, owner_c) = data["solvers"]
    entry_a, entry_b, entry_c = (entry_of(project, owner) for owner in (owner_a, owner_b, owner_c))

    # The sponsor shortlists two of the three qualifying entries, with private feedback, and opens the final.
    page = _signed_in(page_factory, live_server, data["sponsor"])
    page.goto(url)
    expect(page.locator("[data-testid=phases]")).to_contain_text("Final")
    page.check(f"[data-testid=shortlist-{entry_a.pk}]")
    page.check(f"[data-testid=shortlist-{entry_b.pk}]")
    page.fill(f"[data-testid=feedback-{entry_a.pk}]", "铰链再轻一些")
    page.click("[data-testid=shortlist-save]")
    page.wait_for_selector(".msg-success")
    page.click("[data-testid=phase-open]")
    expect(page.locator("[data-testid=project-status]")).to_have_attribute("data-status", "open")
    expect(page.locator("[data-testid=award-guaranteed]")).to_be_visible()
    assert page.locator("[data-testid=action-cancel]").count() == 0

    # A finalist sends a revised version, with its own receipt; the team left out cannot.
    finalist = _signed_in(page_factory, live_server, owner_a)
    finalist.goto(url)
    design = tmp_path / "revised.pdf"
    design.write_bytes(pdf_bytes("Revised frame"))
    finalist.locator("[data-testid=entry-form] input[name=files]").set_input_files(str(design))
    finalist.click("[data-testid=submit-entry]")
    finalist.wait_for_selector("[data-testid=receipt-2]")
    services.entry_submit(
        project=project, by=owner_b, firm=firm_b, files=[services_upload(tmp_path, "b")], title=entry_b.title
    )
    left_out = _signed_in(page_factory, live_server, owner_c)
    left_out.goto(url)
    assert left_out.locator("[data-testid=entry-form]").count() == 1  # the form shows; the service refuses
    left_out.locator("[data-testid=entry-form] input[name=files]").set_input_files(str(design))
    left_out.click("[data-testid=submit-entry]")
    left_out.wait_for_selector(".msg-error, .msg-warning")
    assert entry_c.versions.count() == 1

    # The final closes; judging starts; the sponsor assigns one review per entry, balanced.
    pass_deadline(project)
    page.goto(url)
    page.click("[data-testid=action-start_judging]")
    expect(page.locator("[data-testid=project-status]")).to_have_attribute("data-status", "judging")
    page.fill("[data-testid=assignments] input[name=reviews_per_entry]", "1")
    page.click("[data-testid=assign-auto]")
    expect(page.locator("[data-testid=assignment]")).to_have_count(2)
    loads = sorted(Assignment.objects.filter(project=project, phase_number=2).values_list("judge__user", flat=True))
    assert len(set(loads)) == 2  # one entry each

    # Each judge reviews the one entry in their queue.
    reviewer_of = {}
    for judge, value in zip(data["judges"], ("3", "9"), strict=True):
        judge_page = _signed_in(page_factory, live_server, judge)
        judge_page.goto(url)
        expect(judge_page.locator("[data-testid=queue] [data-testid=not-reviewed]")).to_have_count(1)
        judge_page.locator("[data-testid=queue] a").first.click()
        for field in judge_page.locator("[data-testid=score-form] input[type=number]").all():
            field.fill(value if value != "9" else "5")
        judge_page.click("[data-testid=score-submit]")
        judge_page.wait_for_selector(".msg-success")
        judge_page.goto(url)
        expect(judge_page.locator("[data-testid=queue] [data-testid=reviewed]")).to_have_count(1)
        assignment = Assignment.objects.get(project=project, phase_number=2, judge__user=judge)
        reviewer_of[assignment.entry_id] = (judge, judge_page)

    page.goto(url)
    page.click("[data-testid=panel-close]")
    page.wait_for_selector("[data-testid=ranking]")
    low_entry = entry_a if reviewer_of[entry_a.pk][0] == data["judges"][0] else entry_b
    low_owner = owner_a if low_entry == entry_a else owner_b
    expect(page.locator("[data-testid=ranking] tbody tr").first).not_to_contain_text(low_entry.title)

    # The finalist ranked second appeals; the sponsor upholds; the judge revises; the ranking follows.
    appellant = _signed_in(page_factory, live_server, low_owner)
    appellant.goto(url)
    appellant.fill("[data-testid=appeal-form] textarea[name=reason]", "评分时误读了减重数据")
    appellant.click("[data-testid=appeal-file]")
    expect(appellant.locator("[data-testid=appeal-status]")).to_have_count(1)
    page.goto(url)
    page.fill("[data-testid=appeal-answer]", "同意，请评委复核。")
    page.click("[data-testid=appeal-uphold]")
    expect(page.locator("[data-testid=appeal-status]")).to_contain_text("支持")
    judge, judge_page = reviewer_of[low_entry.pk]
    judge_page.goto(url)
    for field in judge_page.locator("[data-testid=revise-form] input[type=number]").all():
        field.fill(field.get_attribute("max") or "10")
    judge_page.click("[data-testid=revise-save]")
    judge_page.wait_for_selector(".msg-success")
    page.goto(url)
    expect(page.locator("[data-testid=ranking] tbody tr").first).to_contain_text(low_entry.title)
    record = AuditEntry.objects.get(action="project.score_revise")
    assert record.data["old"]
    assert record.data["new"]
    assert Project.objects.get(pk=project.pk).phase_number == 2


def services_upload(tmp_path: Any, name: str) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(f"{name}.pdf", pdf_bytes(f"Revised {name}"), content_type="application/pdf")
