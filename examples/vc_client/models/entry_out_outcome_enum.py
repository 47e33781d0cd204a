from enum import StrEnum

class EntryOutOutcomeEnum(StrEnum):
    SHORTLISTED = "shortlisted"
    WINNER = "winner"

    def __str__(self) -> str:
        return str(self.value)
