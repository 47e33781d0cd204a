from enum import StrEnum

class OutcomeInOutcomeEnum(StrEnum):
    SHORTLISTED = "shortlisted"

    def __str__(self) -> str:
        return str(self.value)
