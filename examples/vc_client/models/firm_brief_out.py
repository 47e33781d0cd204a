from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.province_enum import ProvinceEnum
from ..models.verification_enum import VerificationEnum
from ..types import UNSET, Unset






T = TypeVar("T", bound="FirmBriefOut")



@_attrs_define
class FirmBriefOut:
    """ Mix into an output serializer (before ``ModelSerializer``) to render rows without the generic walk.

        Attributes:
            city (str):
            id (int):
            name (str):
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
            verification (VerificationEnum | Unset): * `unverified` - Unverified
                * `pending` - Verification pending
                * `verified` - Verified
                * `rejected` - Verification refused
     """

    city: str
    id: int
    name: str
    province: ProvinceEnum
    verification: VerificationEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        city = self.city

        id = self.id

        name = self.name

        province = self.province.value

        verification: str | Unset = UNSET
        if not isinstance(self.verification, Unset):
            verification = self.verification.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "city": city,
            "id": id,
            "name": name,
            "province": province,
        })
        if verification is not UNSET:
            field_dict["verification"] = verification

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city")

        id = d.pop("id")

        name = d.pop("name")

        province = ProvinceEnum(d.pop("province"))




        _verification = d.pop("verification", UNSET)
        verification: VerificationEnum | Unset
        if isinstance(_verification,  Unset):
            verification = UNSET
        else:
            verification = VerificationEnum(_verification)




        firm_brief_out = cls(
            city=city,
            id=id,
            name=name,
            province=province,
            verification=verification,
        )


        firm_brief_out.additional_properties = d
        return firm_brief_out

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
