from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RegionRowOut")



@_attrs_define
class RegionRowOut:
    """ 
        Attributes:
            key (str):
            localisation (float):
            name (str):
            outside_share (float):
            total (float):
     """

    key: str
    localisation: float
    name: str
    outside_share: float
    total: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        key = self.key

        localisation = self.localisation

        name = self.name

        outside_share = self.outside_share

        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "key": key,
            "localisation": localisation,
            "name": name,
            "outside_share": outside_share,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        localisation = d.pop("localisation")

        name = d.pop("name")

        outside_share = d.pop("outside_share")

        total = d.pop("total")

        region_row_out = cls(
            key=key,
            localisation=localisation,
            name=name,
            outside_share=outside_share,
            total=total,
        )


        region_row_out.additional_properties = d
        return region_row_out

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
