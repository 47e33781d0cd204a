from enum import StrEnum

class AppealOutStatusEnum(StrEnum):
    PENDING = "pending"
    RESTORED = "restored"
    UPHELD = "upheld"

    def __str__(self) -> str:
        return str(self.value)
