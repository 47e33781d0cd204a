from enum import StrEnum

class JoinPolicyEnum(StrEnum):
    APPLICATION = "application"
    INVITATION = "invitation"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
