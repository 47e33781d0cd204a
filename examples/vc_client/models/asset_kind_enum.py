from enum import StrEnum

class AssetKindEnum(StrEnum):
    DATASET = "dataset"
    DESIGN = "design"
    DOCUMENT = "document"
    KNOW_HOW = "know_how"
    PATENT = "patent"

    def __str__(self) -> str:
        return str(self.value)
