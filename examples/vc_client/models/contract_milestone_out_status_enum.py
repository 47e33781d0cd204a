from enum import StrEnum

class ContractMilestoneOutStatusEnum(StrEnum):
    ACCEPTED = "accepted"
    PENDING = "pending"
    RETURNED = "returned"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
