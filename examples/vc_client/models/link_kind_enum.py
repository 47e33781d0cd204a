from enum import StrEnum

class LinkKindEnum(StrEnum):
    CITATION = "citation"
    DERIVATION = "derivation"

    def __str__(self) -> str:
        return str(self.value)
