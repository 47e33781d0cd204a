from enum import StrEnum

class VerificationEnum(StrEnum):
    PENDING = "pending"
    REJECTED = "rejected"
    UNVERIFIED = "unverified"
    VERIFIED = "verified"

    def __str__(self) -> str:
        return str(self.value)
