from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.province_enum import ProvinceEnum
from ..models.size_enum import SizeEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PatchedFirmUpdateInRequest")



@_attrs_define
class PatchedFirmUpdateInRequest:
    """ A change to a firm's profile; the credit code cannot change.

        Attributes:
            capabilities (list[str] | Unset):
            city (str | Unset):
            description (str | Unset):
            name_en (str | Unset):
            name_zh (str | Unset):
            needs (list[str] | Unset):
            province (ProvinceEnum | Unset): * `11` - Beijing
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
            sectors (list[str] | Unset):
            size (SizeEnum | Unset): * `micro` - Micro (under 10 people)
                * `small` - Small (10–99 people)
                * `medium` - Medium (100–999 people)
                * `large` - Large (1,000 people or more)
            website (str | Unset):
     """

    capabilities: list[str] | Unset = UNSET
    city: str | Unset = UNSET
    description: str | Unset = UNSET
    name_en: str | Unset = UNSET
    name_zh: str | Unset = UNSET
    needs: list[str] | Unset = UNSET
    province: ProvinceEnum | Unset = UNSET
    sectors: list[str] | Unset = UNSET
    size: SizeEnum | Unset = UNSET
    website: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        capabilities: list[str] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities



        city = self.city

        description = self.description

        name_en = self.name_en

        name_zh = self.name_zh

        needs: list[str] | Unset = UNSET
        if not isinstance(self.needs, Unset):
            needs = self.needs



        province: str | Unset = UNSET
        if not isinstance(self.province, Unset):
            province = self.province.value


        sectors: list[str] | Unset = UNSET
        if not isinstance(self.sectors, Unset):
            sectors = self.sectors



        size: str | Unset = UNSET
        if not isinstance(self.size, Unset):
            size = self.size.value


        website: str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
        if city is not UNSET:
            field_dict["city"] = city
        if description is not UNSET:
            field_dict["description"] = description
        if name_en is not UNSET:
            field_dict["name_en"] = name_en
        if name_zh is not UNSET:
            field_dict["name_zh"] = name_zh
        if needs is not UNSET:
            field_dict["needs"] = needs
        if province is not UNSET:
            field_dict["province"] = province
        if sectors is not UNSET:
            field_dict["sectors"] = sectors
        if size is not UNSET:
            field_dict["size"] = size
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        capabilities = cast(list[str], d.pop("capabilities", UNSET))


        city = d.pop("city", UNSET)

        description = d.pop("description", UNSET)

        name_en = d.pop("name_en", UNSET)

        name_zh = d.pop("name_zh", UNSET)

        needs = cast(list[str], d.pop("needs", UNSET))


        _province = d.pop("province", UNSET)
        province: ProvinceEnum | Unset
        if isinstance(_province,  Unset):
            province = UNSET
        else:
            province = ProvinceEnum(_province)




        sectors = cast(list[str], d.pop("sectors", UNSET))


        _size = d.pop("size", UNSET)
        size: SizeEnum | Unset
        if isinstance(_size,  Unset):
            size = UNSET
        else:
            size = SizeEnum(_size)




        def _parse_website(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))


        patched_firm_update_in_request = cls(
            capabilities=capabilities,
            city=city,
            description=description,
            name_en=name_en,
            name_zh=name_zh,
            needs=needs,
            province=province,
            sectors=sectors,
            size=size,
            website=website,
        )


        patched_firm_update_in_request.additional_properties = d
        return patched_firm_update_in_request

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
