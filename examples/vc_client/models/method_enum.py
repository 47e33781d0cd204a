from enum import StrEnum

class MethodEnum(StrEnum):
    FILE = "file"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
