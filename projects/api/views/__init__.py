"""Projects API: the same selectors and services as the pages, so the same permissions.

The views live in modules by part of the challenge; this package re-exports them for the URLs.
"""

from projects.api.views.entries import EntriesView, EntryDetailView, EntryFileView, ReceiptVerifyView, ReceiptView
from projects.api.views.judging import (
    AwardView,
    ConflictView,
    EntryScoreView,
    FeedbackView,
    OutcomeView,
    PanelCloseView,
    RankingView,
    ScoresView,
)
from projects.api.views.participation import (
    AnswerView,
    QuestionsView,
    TeamInvitationDecideView,
    TeamInvitationsView,
    TeamView,
    TermsAcceptView,
)
from projects.api.views.posting import (
    CriteriaView,
    CriterionDetailView,
    JudgesView,
    ProjectDetailView,
    ProjectListView,
    ProjectTransitionView,
)

__all__ = [
    "AnswerView",
    "AwardView",
    "ConflictView",
    "CriteriaView",
    "CriterionDetailView",
    "EntriesView",
    "EntryDetailView",
    "EntryFileView",
    "EntryScoreView",
    "FeedbackView",
    "JudgesView",
    "OutcomeView",
    "PanelCloseView",
    "ProjectDetailView",
    "ProjectListView",
    "ProjectTransitionView",
    "QuestionsView",
    "RankingView",
    "ReceiptVerifyView",
    "ReceiptView",
    "ScoresView",
    "TeamInvitationDecideView",
    "TeamInvitationsView",
    "TeamView",
    "TermsAcceptView",
]
