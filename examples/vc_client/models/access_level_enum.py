from enum import StrEnum

class AccessLevelEnum(StrEnum):
    CLUSTERS = "clusters"
    CONTRIBUTORS = "contributors"
    FIRMS = "firms"
    PRIVATE = "private"
    PUBLIC = "public"

    def __str__(self) -> str:
        return str(self.value)
