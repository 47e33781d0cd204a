"""Pages of design projects."""

from django.urls import path

from projects import views, views_esign, views_rounds, views_types

app_name = "projects"
urlpatterns = [
    path("", views.project_list, name="index"),
    path("new/", views.project_create, name="create"),
    path("review/", views.review_queue, name="review-queue"),
    path("receipts/verify/", views.receipt_verify, name="verify"),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/edit/", views.project_edit, name="edit"),
    path("<int:pk>/transition/", views.project_transition, name="transition"),
    path("<int:pk>/criteria/", views.criterion_add, name="criterion-add"),
    path("<int:pk>/criteria/<int:criterion_id>/delete/", views.criterion_delete, name="criterion-delete"),
    path("<int:pk>/judges/", views.judge_add, name="judge-add"),
    path("<int:pk>/accept/", views.terms_accept, name="accept"),
    path("<int:pk>/questions/", views.question_ask, name="ask"),
    path("<int:pk>/questions/<int:question_id>/answer/", views.question_answer, name="answer"),
    path("<int:pk>/team/", views.team_create, name="team"),
    path(
        "<int:pk>/team/invitations/<int:invitation_id>/",
        views.team_invitation_decide,
        name="team-invitation",
    ),
    path("<int:pk>/entries/", views.entry_submit, name="submit"),
    path("<int:pk>/entries/<int:entry_id>/", views.entry_detail, name="entry"),
    path("<int:pk>/entries/<int:entry_id>/files/<int:file_id>/", views.entry_file, name="entry-file"),
    path("<int:pk>/entries/<int:entry_id>/v<int:number>/receipt.json", views.entry_receipt, name="receipt"),
    path("<int:pk>/entries/<int:entry_id>/score/", views.score_submit, name="score"),
    path("<int:pk>/entries/<int:entry_id>/conflict/", views.conflict_declare, name="conflict"),
    path("<int:pk>/entries/<int:entry_id>/outcome/", views.entry_outcome, name="outcome"),
    path("<int:pk>/entries/<int:entry_id>/feedback/", views.entry_feedback, name="feedback"),
    path("<int:pk>/panel/close/", views.panel_close, name="panel-close"),
    path("<int:pk>/award/", views.project_award, name="award"),
    # The challenge types' pages (projects/views_types.py).
    path("<int:pk>/ideas/", views_types.ideas_page, name="ideas"),
    path("<int:pk>/ideas/new/", views_types.idea_submit, name="idea-submit"),
    path("<int:pk>/ideas/mode/", views_types.ideation_set, name="ideation-set"),
    path("<int:pk>/ideas/award/", views_types.ideas_award, name="ideas-award"),
    path("<int:pk>/ideas/<int:idea_id>/comment/", views_types.idea_comment, name="idea-comment"),
    path("<int:pk>/ideas/<int:idea_id>/support/", views_types.idea_support, name="idea-support"),
    path("<int:pk>/ideas/<int:idea_id>/merge/", views_types.idea_merge, name="idea-merge"),
    path("<int:pk>/proposals/", views_types.proposals_page, name="proposals"),
    path("<int:pk>/proposals/new/", views_types.proposal_submit, name="proposal-submit"),
    path("<int:pk>/proposals/compare/", views_types.proposals_compare, name="proposals-compare"),
    path("<int:pk>/proposals/<int:proposal_id>/select/", views_types.proposal_select, name="proposal-select"),
    path("<int:pk>/contract/", views_types.contract_page, name="contract"),
    path(
        "<int:pk>/contract/milestones/<int:milestone_id>/deliver/",
        views_types.milestone_submit,
        name="milestone-deliver",
    ),
    path(
        "<int:pk>/contract/milestones/<int:milestone_id>/decide/", views_types.milestone_decide, name="milestone-decide"
    ),
    # Signed IP transfers (projects/views_esign.py).
    path("<int:pk>/transfer/", views_esign.transfer_page, name="transfer"),
    path("<int:pk>/transfer/<int:award_id>/send/", views_esign.transfer_send, name="transfer-send"),
    path("<int:pk>/transfer/<int:award_id>/refresh/", views_esign.transfer_refresh, name="transfer-refresh"),
    path("<int:pk>/transfer/sign/<str:token>/", views_esign.transfer_sign, name="transfer-sign"),
    path(
        "<int:pk>/transfer/<int:transfer_id>/v<int:number>.pdf",
        views_esign.transfer_document,
        name="transfer-document",
    ),
    # Rounds, assignment and appeals (projects/views_rounds.py).
    path("<int:pk>/phases/", views_rounds.phase_add, name="phase-add"),
    path("<int:pk>/phases/next/", views_rounds.phase_open, name="phase-open"),
    path("<int:pk>/shortlist/", views_rounds.shortlist_set, name="shortlist"),
    path("<int:pk>/assignments/", views_rounds.assign_manual, name="assign"),
    path("<int:pk>/assignments/auto/", views_rounds.assign_auto, name="assign-auto"),
    path("<int:pk>/appeals/", views_rounds.appeal_file, name="appeal"),
    path("<int:pk>/appeals/<int:appeal_id>/decide/", views_rounds.appeal_decide, name="appeal-decide"),
    path("<int:pk>/appeals/<int:appeal_id>/attachment/", views_rounds.appeal_attachment, name="appeal-attachment"),
    path("<int:pk>/evaluation/", views_rounds.evaluation_set, name="evaluation"),
    path("<int:pk>/entries/<int:entry_id>/revise/", views_rounds.score_revise, name="score-revise"),
]
