from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="CapabilityOut")



@_attrs_define
class CapabilityOut:
    """ 
        Attributes:
            code (str):
            name (str):
            name_en (str): English name
            name_zh (str): Chinese name
            parent (None | str):
     """

    code: str
    name: str
    name_en: str
    name_zh: str
    parent: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        name_en = self.name_en

        name_zh = self.name_zh

        parent: None | str
        parent = self.parent


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "name": name,
            "name_en": name_en,
            "name_zh": name_zh,
            "parent": parent,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        name_en = d.pop("name_en")

        name_zh = d.pop("name_zh")

        def _parse_parent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent = _parse_parent(d.pop("parent"))


        capability_out = cls(
            code=code,
            name=name,
            name_en=name_en,
            name_zh=name_zh,
            parent=parent,
        )


        capability_out.additional_properties = d
        return capability_out

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
