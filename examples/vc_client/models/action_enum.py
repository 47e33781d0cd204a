from enum import StrEnum

class ActionEnum(StrEnum):
    APPROVE = "approve"
    CANCEL = "cancel"
    PUBLISH = "publish"
    RETURN = "return"
    START_JUDGING = "start_judging"
    SUBMIT = "submit"

    def __str__(self) -> str:
        return str(self.value)
