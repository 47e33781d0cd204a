from enum import StrEnum

class EventsEnum(StrEnum):
    ASSET_PUBLISHED = "asset.published"
    ASSET_TAKEN_DOWN = "asset.taken_down"
    CLUSTER_ENDORSED = "cluster.endorsed"
    CLUSTER_ENDORSEMENT_REVOKED = "cluster.endorsement_revoked"
    ENTRY_SUBMITTED = "entry.submitted"
    GUIDANCE_PUBLISHED = "guidance.published"
    MEMBERSHIP_APPROVED = "membership.approved"
    PROJECT_AWARDED = "project.awarded"
    PROJECT_OPENED = "project.opened"
    SPILLOVER_UPDATED = "spillover.updated"
    VALUE_10 = "*"

    def __str__(self) -> str:
        return str(self.value)
