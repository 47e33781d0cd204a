from enum import StrEnum

class AssetsListLicence(StrEnum):
    CC0 = "cc0"
    CC_BY = "cc_by"
    CC_BY_NC = "cc_by_nc"
    CC_BY_NC_ND = "cc_by_nc_nd"
    CC_BY_NC_SA = "cc_by_nc_sa"
    CC_BY_ND = "cc_by_nd"
    CC_BY_SA = "cc_by_sa"
    PATENT = "patent"
    PROPRIETARY = "proprietary"

    def __str__(self) -> str:
        return str(self.value)
