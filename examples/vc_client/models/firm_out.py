from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.province_enum import ProvinceEnum
from ..models.size_enum import SizeEnum
from ..models.verification_enum import VerificationEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.capability_brief_out import CapabilityBriefOut
  from ..models.sector_brief_out import SectorBriefOut





T = TypeVar("T", bound="FirmOut")



@_attrs_define
class FirmOut:
    """ Mix into an output serializer (before ``ModelSerializer``) to render rows without the generic walk.

        Attributes:
            capabilities (list[CapabilityBriefOut]):
            city (str):
            created_at (datetime.datetime): Created
            credit_code (str): Unified social credit code
            id (int):
            name (str):
            needs (list[CapabilityBriefOut]):
            province (ProvinceEnum): * `11` - Beijing
                * `12` - Tianjin
                * `13` - Hebei
                * `14` - Shanxi
                * `15` - Inner Mongolia
                * `21` - Liaoning
                * `22` - Jilin
                * `23` - Heilongjiang
                * `31` - Shanghai
                * `32` - Jiangsu
                * `33` - Zhejiang
                * `34` - Anhui
                * `35` - Fujian
                * `36` - Jiangxi
                * `37` - Shandong
                * `41` - Henan
                * `42` - Hubei
                * `43` - Hunan
                * `44` - Guangdong
                * `45` - Guangxi
                * `46` - Hainan
                * `50` - Chongqing
                * `51` - Sichuan
                * `52` - Guizhou
                * `53` - Yunnan
                * `54` - Tibet
                * `61` - Shaanxi
                * `62` - Gansu
                * `63` - Qinghai
                * `64` - Ningxia
                * `65` - Xinjiang
                * `71` - Taiwan
                * `81` - Hong Kong
                * `82` - Macao
            province_name (str):
            sectors (list[SectorBriefOut]):
            description (str | Unset):
            name_en (str | Unset): English name
            name_zh (str | Unset): Chinese name
            size (SizeEnum | Unset): * `micro` - Micro (under 10 people)
                * `small` - Small (10–99 people)
                * `medium` - Medium (100–999 people)
                * `large` - Large (1,000 people or more)
            verification (VerificationEnum | Unset): * `unverified` - Unverified
                * `pending` - Verification pending
                * `verified` - Verified
                * `rejected` - Verification refused
            website (str | Unset):
     """

    capabilities: list[CapabilityBriefOut]
    city: str
    created_at: datetime.datetime
    credit_code: str
    id: int
    name: str
    needs: list[CapabilityBriefOut]
    province: ProvinceEnum
    province_name: str
    sectors: list[SectorBriefOut]
    description: str | Unset = UNSET
    name_en: str | Unset = UNSET
    name_zh: str | Unset = UNSET
    size: SizeEnum | Unset = UNSET
    verification: VerificationEnum | Unset = UNSET
    website: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.capability_brief_out import CapabilityBriefOut # noqa: PLC0415
        from ..models.sector_brief_out import SectorBriefOut # noqa: PLC0415
        capabilities = []
        for capabilities_item_data in self.capabilities:
            capabilities_item = capabilities_item_data.to_dict()
            capabilities.append(capabilities_item)



        city = self.city

        created_at = self.created_at.isoformat()

        credit_code = self.credit_code

        id = self.id

        name = self.name

        needs = []
        for needs_item_data in self.needs:
            needs_item = needs_item_data.to_dict()
            needs.append(needs_item)



        province = self.province.value

        province_name = self.province_name

        sectors = []
        for sectors_item_data in self.sectors:
            sectors_item = sectors_item_data.to_dict()
            sectors.append(sectors_item)



        description = self.description

        name_en = self.name_en

        name_zh = self.name_zh

        size: str | Unset = UNSET
        if not isinstance(self.size, Unset):
            size = self.size.value


        verification: str | Unset = UNSET
        if not isinstance(self.verification, Unset):
            verification = self.verification.value


        website: str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "capabilities": capabilities,
            "city": city,
            "created_at": created_at,
            "credit_code": credit_code,
            "id": id,
            "name": name,
            "needs": needs,
            "province": province,
            "province_name": province_name,
            "sectors": sectors,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if name_en is not UNSET:
            field_dict["name_en"] = name_en
        if name_zh is not UNSET:
            field_dict["name_zh"] = name_zh
        if size is not UNSET:
            field_dict["size"] = size
        if verification is not UNSET:
            field_dict["verification"] = verification
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.capability_brief_out import CapabilityBriefOut # noqa: PLC0415
        from ..models.sector_brief_out import SectorBriefOut # noqa: PLC0415
        d = dict(src_dict)
        capabilities = []
        _capabilities = d.pop("capabilities")
        for capabilities_item_data in (_capabilities):
            capabilities_item = CapabilityBriefOut.from_dict(capabilities_item_data)



            capabilities.append(capabilities_item)


        city = d.pop("city")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        credit_code = d.pop("credit_code")

        id = d.pop("id")

        name = d.pop("name")

        needs = []
        _needs = d.pop("needs")
        for needs_item_data in (_needs):
            needs_item = CapabilityBriefOut.from_dict(needs_item_data)



            needs.append(needs_item)


        province = ProvinceEnum(d.pop("province"))




        province_name = d.pop("province_name")

        sectors = []
        _sectors = d.pop("sectors")
        for sectors_item_data in (_sectors):
            sectors_item = SectorBriefOut.from_dict(sectors_item_data)



            sectors.append(sectors_item)


        description = d.pop("description", UNSET)

        name_en = d.pop("name_en", UNSET)

        name_zh = d.pop("name_zh", UNSET)

        _size = d.pop("size", UNSET)
        size: SizeEnum | Unset
        if isinstance(_size,  Unset):
            size = UNSET
        else:
            size = SizeEnum(_size)




        _verification = d.pop("verification", UNSET)
        verification: VerificationEnum | Unset
        if isinstance(_verification,  Unset):
            verification = UNSET
        else:
            verification = VerificationEnum(_verification)




        def _parse_website(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))


        firm_out = cls(
            capabilities=capabilities,
            city=city,
            created_at=created_at,
            credit_code=credit_code,
            id=id,
            name=name,
            needs=needs,
            province=province,
            province_name=province_name,
            sectors=sectors,
            description=description,
            name_en=name_en,
            name_zh=name_zh,
            size=size,
            verification=verification,
            website=website,
        )


        firm_out.additional_properties = d
        return firm_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
