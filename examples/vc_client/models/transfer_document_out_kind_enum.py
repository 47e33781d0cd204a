from enum import StrEnum

class TransferDocumentOutKindEnum(StrEnum):
    SENT = "sent"
    SIGNED = "signed"

    def __str__(self) -> str:
        return str(self.value)
