"""The challenge types' webhook events: ideas and proposals tell the sponsor that something arrived
(ids only, they stay sealed); merges, contracts and milestones go to the firms named in the payload."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from platform_.api.webhooks import webhook_event_register
from projects.webhooks import sponsor_audience

webhook_event_register(
    name="idea.submitted",
    description=_("An idea was submitted to your ideation challenge (without its content)"),
    audience=sponsor_audience,
    payload_fields=("idea_id", "project_id"),
)
webhook_event_register(
    name="idea.merged",
    description=_("Duplicate ideas were merged; the surviving idea credits every merged idea's firm"),
    payload_fields=("idea_id", "merged_idea_ids", "project_id"),
)
webhook_event_register(
    name="ideation.awarded",
    description=_("An ideation was awarded: its winning ideas became knowledge assets of their credited firms"),
    payload_fields=("asset_ids", "idea_ids", "project_id"),
)
webhook_event_register(
    name="proposal.submitted",
    description=_("A proposal was submitted to your RFP (without its content)"),
    audience=sponsor_audience,
    payload_fields=("proposal_id", "project_id"),
)
webhook_event_register(
    name="contract.created",
    description=_("A supplier was selected on an RFP and its proposal became a contract"),
    payload_fields=("contract_id", "proposal_id", "project_id"),
)
for _event, _description in (
    ("contract.milestone_submitted", _("The supplier delivered a contract milestone")),
    ("contract.milestone_accepted", _("The sponsor accepted a contract milestone")),
    ("contract.milestone_returned", _("The sponsor returned a contract milestone for rework")),
):
    webhook_event_register(
        name=_event,
        description=_description,
        payload_fields=("contract_id", "milestone_id", "position", "project_id"),
    )
