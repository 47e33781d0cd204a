from enum import StrEnum

class AgencyKindEnum(StrEnum):
    CITY = "city"
    COUNTY = "county"
    MINISTRY = "ministry"
    PARK = "park"
    PROVINCE = "province"

    def __str__(self) -> str:
        return str(self.value)
