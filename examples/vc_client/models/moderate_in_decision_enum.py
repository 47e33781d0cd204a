from enum import StrEnum

class ModerateInDecisionEnum(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    REQUEST_CHANGES = "request_changes"
    TAKE_DOWN = "take_down"

    def __str__(self) -> str:
        return str(self.value)
