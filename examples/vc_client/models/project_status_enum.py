from enum import StrEnum

class ProjectStatusEnum(StrEnum):
    AWARDED = "awarded"
    CANCELLED = "cancelled"
    CLOSED = "closed"
    DRAFT = "draft"
    JUDGING = "judging"
    OPEN = "open"
    REVIEW = "review"

    def __str__(self) -> str:
        return str(self.value)
