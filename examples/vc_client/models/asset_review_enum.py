from enum import StrEnum

class AssetReviewEnum(StrEnum):
    AFTER = "after"
    BEFORE = "before"

    def __str__(self) -> str:
        return str(self.value)
