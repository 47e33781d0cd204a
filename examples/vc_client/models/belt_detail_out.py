from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.province_enum import ProvinceEnum
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.belt_figures_out import BeltFiguresOut
  from ..models.belt_flow_out import BeltFlowOut





T = TypeVar("T", bound="BeltDetailOut")



@_attrs_define
class BeltDetailOut:
    """ 
        Attributes:
            figures (BeltFiguresOut):
            flows_in (list[BeltFlowOut]):
            flows_out (list[BeltFlowOut]):
            id (int):
            name_en (str): English name
            name_zh (str): Chinese name
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
            sectors (list[str]):
            city (str | Unset): City or county
            description (str | Unset):
     """

    figures: BeltFiguresOut
    flows_in: list[BeltFlowOut]
    flows_out: list[BeltFlowOut]
    id: int
    name_en: str
    name_zh: str
    province: ProvinceEnum
    sectors: list[str]
    city: str | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.belt_figures_out import BeltFiguresOut # noqa: PLC0415
        from ..models.belt_flow_out import BeltFlowOut # noqa: PLC0415
        figures = self.figures.to_dict()

        flows_in = []
        for flows_in_item_data in self.flows_in:
            flows_in_item = flows_in_item_data.to_dict()
            flows_in.append(flows_in_item)



        flows_out = []
        for flows_out_item_data in self.flows_out:
            flows_out_item = flows_out_item_data.to_dict()
            flows_out.append(flows_out_item)



        id = self.id

        name_en = self.name_en

        name_zh = self.name_zh

        province = self.province.value

        sectors = self.sectors



        city = self.city

        description = self.description


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "figures": figures,
            "flows_in": flows_in,
            "flows_out": flows_out,
            "id": id,
            "name_en": name_en,
            "name_zh": name_zh,
            "province": province,
            "sectors": sectors,
        })
        if city is not UNSET:
            field_dict["city"] = city
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.belt_figures_out import BeltFiguresOut # noqa: PLC0415
        from ..models.belt_flow_out import BeltFlowOut # noqa: PLC0415
        d = dict(src_dict)
        figures = BeltFiguresOut.from_dict(d.pop("figures"))




        flows_in = []
        _flows_in = d.pop("flows_in")
        for flows_in_item_data in (_flows_in):
            flows_in_item = BeltFlowOut.from_dict(flows_in_item_data)



            flows_in.append(flows_in_item)


        flows_out = []
        _flows_out = d.pop("flows_out")
        for flows_out_item_data in (_flows_out):
            flows_out_item = BeltFlowOut.from_dict(flows_out_item_data)



            flows_out.append(flows_out_item)


        id = d.pop("id")

        name_en = d.pop("name_en")

        name_zh = d.pop("name_zh")

        province = ProvinceEnum(d.pop("province"))




        sectors = cast(list[str], d.pop("sectors"))


        city = d.pop("city", UNSET)

        description = d.pop("description", UNSET)

        belt_detail_out = cls(
            figures=figures,
            flows_in=flows_in,
            flows_out=flows_out,
            id=id,
            name_en=name_en,
            name_zh=name_zh,
            province=province,
            sectors=sectors,
            city=city,
            description=description,
        )


        belt_detail_out.additional_properties = d
        return belt_detail_out

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
