from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="BeltShareOut")



@_attrs_define
class BeltShareOut:
    """ 
        Attributes:
            other_belts (float | None):
            other_provinces (float | None):
     """

    other_belts: float | None
    other_provinces: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        other_belts: float | None
        other_belts = self.other_belts

        other_provinces: float | None
        other_provinces = self.other_provinces


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "other_belts": other_belts,
            "other_provinces": other_provinces,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_other_belts(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        other_belts = _parse_other_belts(d.pop("other_belts"))


        def _parse_other_provinces(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        other_provinces = _parse_other_provinces(d.pop("other_provinces"))


        belt_share_out = cls(
            other_belts=other_belts,
            other_provinces=other_provinces,
        )


        belt_share_out.additional_properties = d
        return belt_share_out

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
