"""The pages: each role sees its part, entries stay sealed, refusals are messages and never 500s."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from projects import services
from projects.models import Project, ProjectStatus
from tests.factories import UserFactory, firm_with_owner
from tests.projects.factories import closed_with_entries, judging, open_project, solver, upload

pytestmark = pytest.mark.django_db


def test_list_shows_open_challenges_to_anonymous_visitors(client):
    project, _ = open_project()
    response = client.get(reverse("projects:index"))
    assert response.status_code == 200
    assert project.title in response.content.decode()


def test_sponsor_posts_a_draft_through_the_form(client):
    firm, owner = firm_with_owner()
    client.force_login(owner)
    deadline = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("projects:create"),
        {
            "kind": "design",
            "title": "Lighter loom frame",
            "brief": "Cut 20% of the weight.",
            "eligibility": "open",
            "award_amount": "30000",
            "ip_terms": "assignment",
            "deadline": deadline,
        },
    )
    project = Project.objects.get(title="Lighter loom frame")
    assert response.status_code == 302
    assert project.sponsor == firm
    assert project.status == ProjectStatus.DRAFT
    assert timezone.is_aware(project.deadline)


def test_confidential_brief_hidden_until_terms_accepted_on_the_page(client):
    project, _ = open_project()
    _firm, owner = firm_with_owner()
    client.force_login(owner)
    page = client.get(project.get_absolute_url()).content.decode()
    assert project.confidential_brief not in page
    client.post(reverse("projects:accept", args=[project.pk]))
    page = client.get(project.get_absolute_url()).content.decode()
    assert project.confidential_brief in page


def test_refusal_becomes_a_message_not_an_error(client):
    project, _ = open_project()
    _firm, stranger = firm_with_owner()
    client.force_login(stranger)
    response = client.post(reverse("projects:transition", args=[project.pk]), {"action": "start_judging"}, follow=True)
    assert response.status_code == 200
    assert list(response.context["messages"])


def test_late_submission_shows_a_clear_message(client):
    project, _ = open_project()
    _firm, owner = solver(project)
    Project.objects.filter(pk=project.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    client.force_login(owner)
    response = client.post(reverse("projects:submit", args=[project.pk]), {"files": [upload()]}, follow=True)
    assert response.status_code == 200
    text = " ".join(str(m) for m in response.context["messages"])
    assert text


def test_entry_pages_are_sealed_before_close(client):
    project, sponsor = open_project()
    firm, owner = solver(project)
    _other, other_owner = solver(project)
    version = services.entry_submit(project=project, by=owner, firm=firm, files=[upload(b"x")], title="SEALED-TITLE")
    entry = version.entry
    file_id = version.files.get().pk
    for person in (sponsor, other_owner):
        client.force_login(person)
        assert client.get(entry.get_absolute_url()).status_code == 404
        assert client.get(reverse("projects:entry-file", args=[project.pk, entry.pk, file_id])).status_code == 404
        assert client.get(reverse("projects:receipt", args=[project.pk, entry.pk, 1])).status_code == 404
        assert "SEALED-TITLE" not in client.get(project.get_absolute_url()).content.decode()
    client.force_login(owner)
    assert client.get(entry.get_absolute_url()).status_code == 200


def test_judge_sees_entries_and_scores_after_close(client):
    data = judging(1)
    project = data["project"]
    entry = project.entries.get()
    client.force_login(data["judge"])
    page = client.get(entry.get_absolute_url())
    assert page.status_code == 200
    assert b"score-form" in page.content
    values = {f"criterion_{c.pk}": "3" for c in project.criteria.all()}
    client.post(reverse("projects:score", args=[project.pk, entry.pk]), values)
    assert entry.scores.count() == 2


def test_receipt_download_and_verify_page(client):
    project, _ = open_project()
    firm, owner = solver(project)
    version = services.entry_submit(project=project, by=owner, firm=firm, files=[upload(b"the design")])
    client.force_login(owner)
    receipt = client.get(reverse("projects:receipt", args=[project.pk, version.entry_id, 1])).content
    assert json.loads(receipt)["digest"] == version.digest
    ok = client.post(reverse("projects:verify"), {"receipt_text": receipt.decode(), "file": upload(b"the design")})
    assert b'data-matches="yes"' in ok.content
    changed = client.post(
        reverse("projects:verify"), {"receipt_text": receipt.decode(), "file": upload(b"the design!")}
    )
    assert b'data-matches="no"' in changed.content


def test_detail_closes_a_project_past_its_deadline_on_read(client):
    project, _ = open_project()
    Project.objects.filter(pk=project.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    client.get(project.get_absolute_url())
    project.refresh_from_db()
    assert project.status == ProjectStatus.CLOSED


def test_ranking_and_award_pages(client):
    data = judging(2)
    project = data["project"]
    for entry in project.entries.all():
        services.score_submit(
            project=project, by=data["judge"], entry=entry, values={c.pk: 4 for c in project.criteria.all()}
        )
    client.force_login(data["sponsor"])
    client.post(reverse("projects:panel-close", args=[project.pk]))
    page = client.get(project.get_absolute_url()).content.decode()
    assert 'data-testid="ranking"' in page
    winner = project.entries.order_by("id").first()
    client.post(reverse("projects:award", args=[project.pk]), {"winners": [winner.pk]})
    project.refresh_from_db()
    assert project.status == ProjectStatus.AWARDED


def test_invisible_project_is_a_404(client):
    from tests.projects.factories import sponsor_project

    project, _ = sponsor_project()
    client.force_login(UserFactory.create())
    assert client.get(project.get_absolute_url()).status_code == 404


def test_closed_entries_list_for_sponsor(client):
    data = closed_with_entries(2)
    client.force_login(data["sponsor"])
    page = client.get(data["project"].get_absolute_url()).content.decode()
    assert "Design 0" in page
    assert "Design 1" in page


def test_search_does_not_reveal_entries(client):
    project, sponsor = open_project()
    firm, owner = solver(project)
    services.entry_submit(project=project, by=owner, firm=firm, files=[upload()], title="HIDDEN-ENTRY-TITLE")
    client.force_login(sponsor)
    response = client.get(reverse("projects:index"), {"q": "HIDDEN-ENTRY-TITLE"})
    assert list(response.context["projects"]) == []
    assert project.title not in response.content.decode()


def test_admin_pages_load_for_platform_admins(client, admin_user):
    data = closed_with_entries(1)
    client.force_login(admin_user)
    for name in ("project", "entry", "entryversion", "team", "award"):
        assert client.get(reverse(f"admin:projects_{name}_changelist")).status_code == 200
    assert client.get(reverse("admin:projects_project_change", args=[data["project"].pk])).status_code == 200


def test_beat_closes_projects_every_half_minute(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["projects-close-due"]
    assert entry["task"] == "projects.tasks.close_due_projects"
