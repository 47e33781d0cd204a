from enum import StrEnum

class AssetStatusEnum(StrEnum):
    CHANGES_REQUESTED = "changes_requested"
    DRAFT = "draft"
    PENDING = "pending"
    PUBLISHED = "published"
    REJECTED = "rejected"
    TAKEN_DOWN = "taken_down"

    def __str__(self) -> str:
        return str(self.value)
