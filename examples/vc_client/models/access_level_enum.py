from enum import StrEnum

class AccessLevelEnum(StrEnum):
    CLUSTERS = "clusters"
    FIRMS = "firms"
    PRIVATE = "private"
    PUBLIC = "public"

    def __str__(self) -> str:
        return str(self.value)
