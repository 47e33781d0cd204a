from enum import StrEnum

class AppealDecisionInStatusEnum(StrEnum):
    REJECTED = "rejected"
    UPHELD = "upheld"

    def __str__(self) -> str:
        return str(self.value)
