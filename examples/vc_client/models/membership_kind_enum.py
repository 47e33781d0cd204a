from enum import StrEnum

class MembershipKindEnum(StrEnum):
    APPLY = "apply"
    INVITE = "invite"

    def __str__(self) -> str:
        return str(self.value)
