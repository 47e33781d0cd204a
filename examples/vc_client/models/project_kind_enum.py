from enum import StrEnum

class ProjectKindEnum(StrEnum):
    DESIGN = "design"
    IDEATION = "ideation"
    RFP = "rfp"

    def __str__(self) -> str:
        return str(self.value)
