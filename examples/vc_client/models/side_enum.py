from enum import StrEnum

class SideEnum(StrEnum):
    ASSIGNEE = "assignee"
    ASSIGNOR = "assignor"

    def __str__(self) -> str:
        return str(self.value)
