from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.province_enum import ProvinceEnum
from ..types import UNSET, Unset






T = TypeVar("T", bound="RegionOut")



@_attrs_define
class RegionOut:
    """ 
        Attributes:
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
            city (str | Unset): City or county
     """

    province: ProvinceEnum
    city: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        province = self.province.value

        city = self.city


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "province": province,
        })
        if city is not UNSET:
            field_dict["city"] = city

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        province = ProvinceEnum(d.pop("province"))




        city = d.pop("city", UNSET)

        region_out = cls(
            province=province,
            city=city,
        )


        region_out.additional_properties = d
        return region_out

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
