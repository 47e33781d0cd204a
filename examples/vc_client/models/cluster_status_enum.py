from enum import StrEnum

class ClusterStatusEnum(StrEnum):
    APPROVED = "approved"
    ARCHIVED = "archived"
    PROPOSED = "proposed"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
