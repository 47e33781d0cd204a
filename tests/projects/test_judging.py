"""The rubric, the panel, conflicts of interest, independent scoring, ranking and the award."""

from __future__ import annotations

from decimal import Decimal

import pytest

from knowledge.models import AssetLink, AssetOwnership, AssetStatus, UseEvent
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.identity.models import FirmRole
from platform_.notifications.models import Notification
from projects import selectors, services
from projects.models import EntryOutcome, IpTerms, ProjectStatus
from tests.factories import ClusterFactory, FirmMemberFactory, UserFactory, firm_with_owner
from tests.projects.factories import closed_with_entries, judging, open_project

pytestmark = pytest.mark.django_db


def _score_all(data, value=8):
    project = data["project"]
    for entry in project.entries.all():
        values = {c.pk: min(value, c.scale_max) for c in project.criteria.all()}
        services.score_submit(project=project, by=data["judge"], entry=entry, values=values)


def test_rubric_can_change_before_the_first_entry():
    project, sponsor = open_project()
    criterion = services.criterion_create(project=project, by=sponsor, name="Looks", weight=Decimal("0.5"))
    services.criterion_update(criterion=criterion, by=sponsor, weight=Decimal("1.5"))


def test_rubric_freezes_when_the_first_entry_arrives():
    data = closed_with_entries(1)
    criterion = data["project"].criteria.first()
    with pytest.raises(Conflict):
        services.criterion_create(project=data["project"], by=data["sponsor"], name="Looks", weight=Decimal("0.5"))
    with pytest.raises(Conflict):
        services.criterion_update(criterion=criterion, by=data["sponsor"], weight=Decimal("9"))


def test_rubric_change_after_judging_starts_is_refused():
    data = judging(1)
    criterion = data["project"].criteria.first()
    with pytest.raises(Conflict):
        services.criterion_update(criterion=criterion, by=data["sponsor"], weight=Decimal("9"))
    with pytest.raises(Conflict):
        services.criterion_create(project=data["project"], by=data["sponsor"], name="New", weight=Decimal(1))
    with pytest.raises(Conflict):
        services.criterion_delete(criterion=criterion, by=data["sponsor"])


def test_solver_cannot_change_the_rubric():
    project, _sponsor = open_project()
    with pytest.raises(NotAllowed):
        services.criterion_create(project=project, by=UserFactory.create(), name="x", weight=Decimal(1))


def test_score_outside_the_scale_is_refused():
    data = judging(1)
    entry = data["project"].entries.get()
    criterion = data["project"].criteria.get(name="Cost")
    with pytest.raises(DomainError):
        services.score_submit(project=data["project"], by=data["judge"], entry=entry, values={criterion.pk: 6})


def test_non_judge_cannot_score():
    data = judging(1)
    entry = data["project"].entries.get()
    criterion = data["project"].criteria.first()
    with pytest.raises(NotAllowed):
        services.score_submit(project=data["project"], by=data["sponsor"], entry=entry, values={criterion.pk: 1})


def test_scoring_before_judging_is_refused():
    data = closed_with_entries(1)
    entry = data["project"].entries.get()
    with pytest.raises(Conflict):
        services.score_submit(
            project=data["project"], by=data["judge"], entry=entry, values={data["project"].criteria.first().pk: 1}
        )


def test_judge_whose_firm_is_on_the_team_cannot_score():
    data = judging(1)
    entry = data["project"].entries.get()
    team_firm = entry.team.lead
    FirmMemberFactory.create(firm=team_firm, user=data["judge"], role=FirmRole.MEMBER)
    with pytest.raises(NotAllowed):
        services.score_submit(
            project=data["project"], by=data["judge"], entry=entry, values={data["project"].criteria.first().pk: 1}
        )


def test_judge_sharing_a_moderation_role_with_a_team_firm_cannot_score():
    data = judging(1)
    entry = data["project"].entries.get()
    team_person = data["solvers"][0][1]
    ClusterFactory.create(moderators=[data["judge"], team_person])
    judge = selectors.judge_of(user=data["judge"], project=data["project"])
    assert judge is not None
    assert "moderation" in selectors.conflicts_of(judge=judge, team=entry.team)
    with pytest.raises(NotAllowed):
        services.score_submit(
            project=data["project"], by=data["judge"], entry=entry, values={data["project"].criteria.first().pk: 1}
        )


def test_judge_with_an_ownership_tie_cannot_score():
    from knowledge.models import Asset

    data = judging(1)
    entry = data["project"].entries.get()
    judge_firm, _ = firm_with_owner()
    FirmMemberFactory.create(firm=judge_firm, user=data["judge"], role=FirmRole.MEMBER)
    asset = Asset.objects.create(title_en="Shared jig")
    AssetOwnership.objects.create(asset=asset, firm=judge_firm, share=Decimal("0.5"))
    AssetOwnership.objects.create(asset=asset, firm=entry.team.lead, share=Decimal("0.5"))
    judge = selectors.judge_of(user=data["judge"], project=data["project"])
    assert judge is not None
    assert selectors.conflicts_of(judge=judge, team=entry.team) == ["ownership"]


def test_declared_conflict_stops_scoring_and_removes_scores():
    data = judging(1)
    entry = data["project"].entries.get()
    _score_all(data)
    services.conflict_declare(project=data["project"], by=data["judge"], team=entry.team, reason="Former employer")
    assert not entry.scores.exists()
    with pytest.raises(NotAllowed):
        services.score_submit(
            project=data["project"], by=data["judge"], entry=entry, values={data["project"].criteria.first().pk: 1}
        )


def test_scores_are_hidden_from_other_judges_until_the_panel_closes():
    data = judging(1)
    other = UserFactory.create()
    project = data["project"]
    services.judge_add(project=project, by=data["sponsor"], user=other)
    _score_all(data)
    assert selectors.scores_visible_to(user=other, project=project).count() == 0
    assert selectors.scores_visible_to(user=data["sponsor"], project=project).count() == 0
    assert selectors.scores_visible_to(user=data["judge"], project=project).count() == 2
    services.panel_close(project=project, by=data["sponsor"])
    project.refresh_from_db()
    assert selectors.scores_visible_to(user=other, project=project).count() == 2
    assert selectors.scores_visible_to(user=data["solvers"][0][1], project=project).count() == 0


def test_no_scoring_after_the_panel_closes():
    data = judging(1)
    _score_all(data)
    services.panel_close(project=data["project"], by=data["sponsor"])
    with pytest.raises(Conflict):
        _score_all(data, 2)


def test_ranking_has_weighted_mean_and_spread():
    data = judging(2)
    project = data["project"]
    second = UserFactory.create()
    services.judge_add(project=project, by=data["sponsor"], user=second)
    weight, cost = project.criteria.get(name="Weight saving"), project.criteria.get(name="Cost")
    first_entry, second_entry = project.entries.order_by("id")
    services.score_submit(project=project, by=data["judge"], entry=first_entry, values={weight.pk: 10, cost.pk: 5})
    services.score_submit(project=project, by=second, entry=first_entry, values={weight.pk: 5, cost.pk: 5})
    services.score_submit(project=project, by=data["judge"], entry=second_entry, values={weight.pk: 0, cost.pk: 0})
    rows = selectors.ranking(project=project)
    assert rows[0].entry == first_entry
    assert rows[0].rank == 1
    # judge 1: (2*1 + 1*1)/3 = 100; judge 2: (2*0.5 + 1)/3 = 66.67
    assert rows[0].score == pytest.approx(83.33, abs=0.01)
    assert rows[0].spread == pytest.approx(16.67, abs=0.01)
    assert rows[1].score == 0
    assert rows[1].spread == 0


def test_shortlist_and_feedback_by_the_sponsor_only():
    data = judging(1)
    entry = data["project"].entries.get()
    services.entry_set_outcome(
        project=data["project"], by=data["sponsor"], entry=entry, outcome=EntryOutcome.SHORTLISTED
    )
    services.feedback_give(project=data["project"], by=data["sponsor"], entry=entry, text="Strong idea")
    entry.refresh_from_db()
    assert (entry.outcome, entry.feedback) == (EntryOutcome.SHORTLISTED, "Strong idea")
    with pytest.raises(NotAllowed):
        services.feedback_give(project=data["project"], by=data["judge"], entry=entry, text="x")


def _awarded(ip_terms: str):
    data = judging(2)
    project = data["project"]
    project.__class__.objects.filter(pk=project.pk).update(ip_terms=ip_terms)
    project.refresh_from_db()
    _score_all(data)
    services.panel_close(project=project, by=data["sponsor"])
    winner = project.entries.order_by("id").first()
    awards = services.project_award(project=project, by=data["sponsor"], winners=[winner])
    project.refresh_from_db()
    return data, project, winner, awards[0]


def test_award_with_assignment_makes_the_sponsor_owner():
    _data, project, winner, award = _awarded(IpTerms.ASSIGNMENT)
    assert project.status == ProjectStatus.AWARDED
    asset = award.asset
    assert asset.status == AssetStatus.PUBLISHED
    assert list(AssetOwnership.objects.filter(asset=asset).values_list("firm_id", flat=True)) == [project.sponsor_id]
    assert AssetLink.objects.filter(citing=asset, cited=award.brief_asset, kind="derivation").exists()
    lead = winner.team.lead
    assert UseEvent.objects.filter(firm=lead, asset=award.brief_asset, kind="derivation").exists()
    assert award.amount == Decimal("50000.00")


def test_award_with_a_licence_keeps_ownership_with_solvers_and_licenses_the_sponsor():
    _data, project, winner, award = _awarded(IpTerms.NON_EXCLUSIVE)
    owners = set(AssetOwnership.objects.filter(asset=award.asset).values_list("firm_id", flat=True))
    assert owners == {winner.team.lead_id}
    assert UseEvent.objects.filter(firm=project.sponsor, asset=award.asset, kind="licence").exists()


def test_award_cites_the_assets_the_entry_builds_on():
    from knowledge.models import Asset

    data = judging(1)
    project = data["project"]
    entry = project.entries.get()
    cited_owner, _ = firm_with_owner()
    cited = Asset.objects.create(title_en="Open gear library", status=AssetStatus.PUBLISHED, access_level="public")
    AssetOwnership.objects.create(asset=cited, firm=cited_owner)
    entry.cited_assets.add(cited)
    _score_all(data)
    services.panel_close(project=project, by=data["sponsor"])
    award = services.project_award(project=project, by=data["sponsor"], winners=[entry])[0]
    assert AssetLink.objects.filter(citing=award.asset, cited=cited, kind="citation").exists()
    assert UseEvent.objects.filter(firm=entry.team.lead, asset=cited, kind="citation").exists()


def test_every_solver_gets_a_result_notification():
    data, _project, _winner, _award = _awarded(IpTerms.ASSIGNMENT)
    for _firm, owner in data["solvers"]:
        assert Notification.objects.filter(recipient=owner, kind="project.result").exists()


def test_award_refused_to_a_non_sponsor():
    data = judging(1)
    _score_all(data)
    services.panel_close(project=data["project"], by=data["sponsor"])
    with pytest.raises(NotAllowed):
        services.project_award(project=data["project"], by=data["judge"], winners=[data["project"].entries.get()])


def test_licence_award_to_a_team_splits_ownership_by_contribution_share():
    from projects.models import Project
    from tests.projects.factories import pass_deadline, solver, upload

    project, sponsor = open_project(ip_terms=IpTerms.EXCLUSIVE)
    lead, lead_owner = solver(project)
    partner, partner_owner = solver(project)
    team = services.team_create(project=project, by=lead_owner, firm=lead, partners=[(partner, Decimal("0.25"))])
    services.team_invitation_decide(invitation=team.invitations.get(), by=partner_owner, accept=True)
    services.entry_submit(project=project, by=lead_owner, firm=lead, files=[upload()], title="Joint design")
    judge = UserFactory.create()
    services.judge_add(project=project, by=sponsor, user=judge)
    pass_deadline(project)
    services.projects_close_due()
    services.project_transition(project=project, action="start_judging", by=sponsor)
    entry = project.entries.get()
    services.score_submit(project=project, by=judge, entry=entry, values={c.pk: 1 for c in project.criteria.all()})
    services.panel_close(project=project, by=sponsor)
    award = services.project_award(project=Project.objects.get(pk=project.pk), by=sponsor, winners=[entry])[0]
    assert award.asset is not None
    shares = dict(AssetOwnership.objects.filter(asset=award.asset).values_list("firm_id", "share"))
    assert shares == {lead.pk: Decimal("0.75"), partner.pk: Decimal("0.25")}
    assert "Exclusive" in award.asset.licence_terms or "独占" in award.asset.licence_terms
    assert UseEvent.objects.filter(firm=partner, asset=award.brief_asset, kind="derivation").exists()
