"""/api/v1/projects/…: design projects for partners, with the pages' permissions."""

from django.urls import path

from projects.api import esign, types, views
from projects.api.views import rounds

urlpatterns = [
    path("projects/", views.ProjectListView.as_view(), name="project-list"),
    path("projects/receipts/verify/", views.ReceiptVerifyView.as_view(), name="project-receipt-verify"),
    path("projects/<int:pk>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("projects/<int:pk>/transitions/", views.ProjectTransitionView.as_view(), name="project-transition"),
    path("projects/<int:pk>/criteria/", views.CriteriaView.as_view(), name="project-criteria"),
    path(
        "projects/<int:pk>/criteria/<int:criterion_id>/", views.CriterionDetailView.as_view(), name="project-criterion"
    ),
    path("projects/<int:pk>/judges/", views.JudgesView.as_view(), name="project-judges"),
    path("projects/<int:pk>/terms/accept/", views.TermsAcceptView.as_view(), name="project-terms-accept"),
    path("projects/<int:pk>/questions/", views.QuestionsView.as_view(), name="project-questions"),
    path("projects/<int:pk>/questions/<int:question_id>/answer/", views.AnswerView.as_view(), name="project-answer"),
    path("projects/<int:pk>/teams/", views.TeamView.as_view(), name="project-teams"),
    path(
        "projects/<int:pk>/team-invitations/",
        views.TeamInvitationsView.as_view(),
        name="project-team-invitations",
    ),
    path(
        "projects/<int:pk>/team-invitations/<int:invitation_id>/",
        views.TeamInvitationDecideView.as_view(),
        name="project-team-invitation",
    ),
    path("projects/<int:pk>/entries/", views.EntriesView.as_view(), name="project-entries"),
    path("projects/<int:pk>/entries/<int:entry_id>/", views.EntryDetailView.as_view(), name="project-entry"),
    path(
        "projects/<int:pk>/entries/<int:entry_id>/versions/<int:number>/receipt/",
        views.ReceiptView.as_view(),
        name="project-receipt",
    ),
    path(
        "projects/<int:pk>/entries/<int:entry_id>/files/<int:file_id>/",
        views.EntryFileView.as_view(),
        name="project-entry-file",
    ),
    path("projects/<int:pk>/entries/<int:entry_id>/scores/", views.EntryScoreView.as_view(), name="project-score"),
    path("projects/<int:pk>/entries/<int:entry_id>/conflicts/", views.ConflictView.as_view(), name="project-conflict"),
    path("projects/<int:pk>/entries/<int:entry_id>/outcome/", views.OutcomeView.as_view(), name="project-outcome"),
    path("projects/<int:pk>/entries/<int:entry_id>/feedback/", views.FeedbackView.as_view(), name="project-feedback"),
    path("projects/<int:pk>/scores/", views.ScoresView.as_view(), name="project-scores"),
    path("projects/<int:pk>/panel/close/", views.PanelCloseView.as_view(), name="project-panel-close"),
    path("projects/<int:pk>/ranking/", views.RankingView.as_view(), name="project-ranking"),
    path("projects/<int:pk>/awards/", views.AwardView.as_view(), name="project-awards"),
    path("projects/<int:pk>/awards/<int:award_id>/transfer/", esign.TransferView.as_view(), name="project-transfer"),
    path(
        "projects/<int:pk>/awards/<int:award_id>/transfer/sign/",
        esign.TransferSignView.as_view(),
        name="project-transfer-sign",
    ),
    path(
        "projects/<int:pk>/awards/<int:award_id>/transfer/refresh/",
        esign.TransferRefreshView.as_view(),
        name="project-transfer-refresh",
    ),
    # Rounds, evaluation, appeals and statistics (projects/api/views/rounds.py).
    path("projects/<int:pk>/phases/", rounds.PhasesView.as_view(), name="project-phases"),
    path("projects/<int:pk>/phases/next/", rounds.PhaseOpenView.as_view(), name="project-phase-open"),
    path("projects/<int:pk>/shortlist/", rounds.ShortlistView.as_view(), name="project-shortlist"),
    path("projects/<int:pk>/assignments/", rounds.AssignmentsView.as_view(), name="project-assignments"),
    path("projects/<int:pk>/assignments/auto/", rounds.AutoAssignView.as_view(), name="project-assignments-auto"),
    path("projects/<int:pk>/queue/", rounds.QueueView.as_view(), name="project-queue"),
    path("projects/<int:pk>/entries/<int:entry_id>/reviews/", rounds.ReviewsView.as_view(), name="project-reviews"),
    path(
        "projects/<int:pk>/entries/<int:entry_id>/scores/revise/",
        rounds.ScoreReviseView.as_view(),
        name="project-score-revise",
    ),
    path("projects/<int:pk>/appeals/", rounds.AppealsView.as_view(), name="project-appeals"),
    path(
        "projects/<int:pk>/appeals/<int:appeal_id>/decision/",
        rounds.AppealDecisionView.as_view(),
        name="project-appeal-decision",
    ),
    path(
        "projects/<int:pk>/appeals/<int:appeal_id>/attachment/",
        rounds.AppealAttachmentView.as_view(),
        name="project-appeal-attachment",
    ),
    path("projects/<int:pk>/evaluation/", rounds.EvaluationView.as_view(), name="project-evaluation"),
    path("projects/<int:pk>/statistics/", rounds.StatisticsView.as_view(), name="project-statistics"),
    # The challenge types: ideation, RFP proposals, the contract (projects/api/types.py).
    path("projects/<int:pk>/ideation/", types.IdeationView.as_view(), name="project-ideation"),
    path("projects/<int:pk>/ideas/", types.IdeasView.as_view(), name="project-ideas"),
    path("projects/<int:pk>/ideas/award/", types.IdeasAwardView.as_view(), name="project-ideas-award"),
    path("projects/<int:pk>/ideas/<int:idea_id>/", types.IdeaDetailView.as_view(), name="project-idea"),
    path(
        "projects/<int:pk>/ideas/<int:idea_id>/comments/",
        types.IdeaCommentsView.as_view(),
        name="project-idea-comments",
    ),
    path(
        "projects/<int:pk>/ideas/<int:idea_id>/supports/", types.IdeaSupportView.as_view(), name="project-idea-support"
    ),
    path("projects/<int:pk>/ideas/<int:idea_id>/merge/", types.IdeaMergeView.as_view(), name="project-idea-merge"),
    path("projects/<int:pk>/proposals/", types.ProposalsView.as_view(), name="project-proposals"),
    path("projects/<int:pk>/proposals/<int:proposal_id>/", types.ProposalDetailView.as_view(), name="project-proposal"),
    path(
        "projects/<int:pk>/proposals/<int:proposal_id>/select/",
        types.ProposalSelectView.as_view(),
        name="project-proposal-select",
    ),
    path("projects/<int:pk>/contract/", types.ContractView.as_view(), name="project-contract"),
    path(
        "projects/<int:pk>/contract/milestones/<int:milestone_id>/deliveries/",
        types.MilestoneDeliveryView.as_view(),
        name="project-milestone-delivery",
    ),
    path(
        "projects/<int:pk>/contract/milestones/<int:milestone_id>/decision/",
        types.MilestoneDecisionView.as_view(),
        name="project-milestone-decision",
    ),
]
