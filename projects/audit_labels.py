"""The labels of the design projects' audit actions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from platform_.audit.labels import audit_labels_register

audit_labels_register(
    {
        "project.create": _("Challenge drafted"),
        "project.update": _("Challenge changed"),
        "project.brief_set": _("Challenge brief attached"),
        "project.submit": _("Challenge submitted for review"),
        "project.publish": _("Challenge published"),
        "project.approve": _("Challenge approved"),
        "project.return": _("Challenge returned to the sponsor"),
        "project.close": _("Challenge closed for entries"),
        "project.start_judging": _("Judging started"),
        "project.award": _("Challenge awarded"),
        "project.transfer_send": _("IP assignment sent for signature"),
        "project.transfer_sign": _("IP assignment signed by one side"),
        "project.transfer_complete": _("IP assignment signed by both sides"),
        "project.cancel": _("Challenge cancelled"),
        "project.terms_accept": _("Challenge terms accepted"),
        "project.conflict_declare": _("Conflict of interest declared"),
        "project.judge_add": _("Judge added"),
        "project.judge_add_late": _("Judge added after entries arrived"),
        "project.panel_close": _("Scores published"),
        "project.team_create": _("Team formed"),
        "project.team_invite": _("Firm invited to a team"),
        "project.team_invitation_accept": _("Team invitation accepted"),
        "project.team_invitation_decline": _("Team invitation declined"),
        "project.appeal_file": _("Appeal filed against scores"),
        "project.appeal_decide": _("Appeal decided"),
        "project.assign": _("Entry assigned to a judge"),
        "project.unassign": _("Entry unassigned from a judge"),
        "project.assign_auto": _("Entries assigned automatically"),
        "project.evaluation_set": _("Evaluation settings changed"),
        "project.score_revise": _("Score revised after an appeal"),
        "project.shortlist": _("Shortlist set"),
        "project.phase_add": _("Phase added"),
        "project.open_phase": _("Next phase opened"),
        "project.ideation_set": _("Ideation mode set"),
        "project.idea_submit": _("Idea submitted"),
        "project.idea_comment": _("Idea commented on"),
        "project.idea_support": _("Idea supported"),
        "project.idea_merge": _("Ideas merged"),
        "project.ideas_award": _("Ideas awarded"),
        "project.proposal_submit": _("Proposal submitted"),
        "project.proposal_replace": _("Proposal replaced"),
        "project.supplier_select": _("Supplier selected"),
        "project.select_supplier": _("Supplier selected"),
        "project.milestone_submit": _("Milestone delivered"),
        "project.milestone_accept": _("Milestone accepted"),
        "project.milestone_return": _("Milestone returned"),
    }
)
