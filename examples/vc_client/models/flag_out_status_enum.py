from enum import StrEnum

class FlagOutStatusEnum(StrEnum):
    CITED = "cited"
    NEW_VERSION = "new_version"
    NOT_DUPLICATE = "not_duplicate"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
