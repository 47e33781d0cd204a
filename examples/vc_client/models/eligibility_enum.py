from enum import StrEnum

class EligibilityEnum(StrEnum):
    CLUSTERS = "clusters"
    INVITED = "invited"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
