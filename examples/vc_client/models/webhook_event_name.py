from enum import StrEnum

class WebhookEventName(StrEnum):
    APPEAL_DECIDED = "appeal.decided"
    APPEAL_FILED = "appeal.filed"
    ASSET_PUBLISHED = "asset.published"
    ASSET_TAKEN_DOWN = "asset.taken_down"
    CLUSTER_ENDORSED = "cluster.endorsed"
    CLUSTER_ENDORSEMENT_REVOKED = "cluster.endorsement_revoked"
    CONTRACT_CREATED = "contract.created"
    CONTRACT_MILESTONE_ACCEPTED = "contract.milestone_accepted"
    CONTRACT_MILESTONE_RETURNED = "contract.milestone_returned"
    CONTRACT_MILESTONE_SUBMITTED = "contract.milestone_submitted"
    ENTRY_SHORTLISTED = "entry.shortlisted"
    ENTRY_SUBMITTED = "entry.submitted"
    GUIDANCE_PUBLISHED = "guidance.published"
    IDEATION_AWARDED = "ideation.awarded"
    IDEA_MERGED = "idea.merged"
    IDEA_SUBMITTED = "idea.submitted"
    MEMBERSHIP_APPROVED = "membership.approved"
    PHASE_OPENED = "phase.opened"
    PROJECT_AWARDED = "project.awarded"
    PROJECT_OPENED = "project.opened"
    PROPOSAL_SUBMITTED = "proposal.submitted"
    SPILLOVER_UPDATED = "spillover.updated"

    def __str__(self) -> str:
        return str(self.value)
