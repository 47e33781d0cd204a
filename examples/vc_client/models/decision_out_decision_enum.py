from enum import StrEnum

class DecisionOutDecisionEnum(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    REQUEST_CHANGES = "request_changes"
    RESTORE = "restore"
    TAKE_DOWN = "take_down"

    def __str__(self) -> str:
        return str(self.value)
