from enum import StrEnum

class MembershipsTransitionTransition(StrEnum):
    ACCEPT = "accept"
    APPROVE = "approve"
    DECLINE = "decline"
    LEAVE = "leave"
    REJECT = "reject"
    REMOVE = "remove"
    WITHDRAW = "withdraw"

    def __str__(self) -> str:
        return str(self.value)
