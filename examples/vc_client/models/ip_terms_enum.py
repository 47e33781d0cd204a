from enum import StrEnum

class IpTermsEnum(StrEnum):
    ASSIGNMENT = "assignment"
    EXCLUSIVE = "exclusive"
    NON_EXCLUSIVE = "non_exclusive"

    def __str__(self) -> str:
        return str(self.value)
