"""Writes for design projects, one module per part of a challenge's life.

``lifecycle`` holds the one table of transitions and closing at the deadline; ``posting`` the draft
and its brief; ``panel`` the rubric and the judges; ``participation`` terms, Q&A and teams;
``entries`` sealed entries and receipts; ``judging`` conflicts and scores; ``award`` the winners.
The names below are the package's public surface: callers import them from ``projects.services``.
"""

from projects.services.appeals import appeal_decide, appeal_file, score_revise
from projects.services.assignment import assignment_remove, assignment_set, assignments_auto, review_submit
from projects.services.award import project_award
from projects.services.entries import DeadlinePassed, ReceiptCheck, entry_submit, receipt_for, receipt_verify
from projects.services.judging import conflict_declare, entry_set_outcome, feedback_give, panel_close, score_submit
from projects.services.lifecycle import (
    MODERATOR,
    SPONSOR,
    SYSTEM,
    TRANSITIONS,
    Transition,
    allowed_actions,
    project_close_if_due,
    project_get_closing_if_due,
    project_transition,
    projects_close_due,
)
from projects.services.panel import criterion_create, criterion_delete, criterion_update, judge_add
from projects.services.participation import (
    question_answer,
    question_ask,
    team_create,
    team_invitation_decide,
    terms_accept,
    terms_digest,
)
from projects.services.posting import EDITABLE, project_brief_set, project_create, project_update
from projects.services.rounds import evaluation_settings_set, phase_add, phase_open_next, shortlist_set

__all__ = [
    "EDITABLE",
    "MODERATOR",
    "SPONSOR",
    "SYSTEM",
    "TRANSITIONS",
    "DeadlinePassed",
    "ReceiptCheck",
    "Transition",
    "allowed_actions",
    "appeal_decide",
    "appeal_file",
    "assignment_remove",
    "assignment_set",
    "assignments_auto",
    "conflict_declare",
    "criterion_create",
    "criterion_delete",
    "criterion_update",
    "entry_set_outcome",
    "entry_submit",
    "evaluation_settings_set",
    "feedback_give",
    "judge_add",
    "panel_close",
    "phase_add",
    "phase_open_next",
    "project_award",
    "project_brief_set",
    "project_close_if_due",
    "project_create",
    "project_get_closing_if_due",
    "project_transition",
    "project_update",
    "projects_close_due",
    "question_answer",
    "question_ask",
    "receipt_for",
    "receipt_verify",
    "review_submit",
    "score_revise",
    "score_submit",
    "shortlist_set",
    "team_create",
    "team_invitation_decide",
    "terms_accept",
    "terms_digest",
]
