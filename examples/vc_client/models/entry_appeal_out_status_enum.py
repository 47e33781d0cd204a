from enum import StrEnum

class EntryAppealOutStatusEnum(StrEnum):
    PENDING = "pending"
    REJECTED = "rejected"
    UPHELD = "upheld"

    def __str__(self) -> str:
        return str(self.value)
