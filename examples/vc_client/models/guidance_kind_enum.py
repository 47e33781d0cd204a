from enum import StrEnum

class GuidanceKindEnum(StrEnum):
    CALL = "call"
    POLICY = "policy"
    SUBSIDY = "subsidy"

    def __str__(self) -> str:
        return str(self.value)
