from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.agency_kind_enum import AgencyKindEnum
from ..types import UNSET, Unset






T = TypeVar("T", bound="AgencyBriefOut")



@_attrs_define
class AgencyBriefOut:
    """ 
        Attributes:
            id (int):
            kind (AgencyKindEnum): * `park` - Industrial park administration
                * `county` - County bureau of industry and information technology
                * `city` - City bureau of industry and information technology
                * `province` - Provincial department of industry and information technology
                * `ministry` - National ministry
            name_zh (str): Chinese name
            name_en (str | Unset): English name
     """

    id: int
    kind: AgencyKindEnum
    name_zh: str
    name_en: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        name_zh = self.name_zh

        name_en = self.name_en


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "name_zh": name_zh,
        })
        if name_en is not UNSET:
            field_dict["name_en"] = name_en

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = AgencyKindEnum(d.pop("kind"))




        name_zh = d.pop("name_zh")

        name_en = d.pop("name_en", UNSET)

        agency_brief_out = cls(
            id=id,
            kind=kind,
            name_zh=name_zh,
            name_en=name_en,
        )


        agency_brief_out.additional_properties = d
        return agency_brief_out

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
