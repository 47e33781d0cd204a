from enum import StrEnum

class MembershipsListStatusItem(StrEnum):
    ACTIVE = "active"
    APPLIED = "applied"
    DECLINED = "declined"
    INVITED = "invited"
    LEFT = "left"
    REJECTED = "rejected"
    REMOVED = "removed"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
