from enum import StrEnum

class ClustersListPolicy(StrEnum):
    APPLICATION = "application"
    INVITATION = "invitation"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
