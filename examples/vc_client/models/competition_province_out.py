from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="CompetitionProvinceOut")



@_attrs_define
class CompetitionProvinceOut:
    """ 
        Attributes:
            firms (int | None): null: fewer than three
            name (str): the province's name in the reader's language
            province (str): province code; empty for the other provinces together
     """

    firms: int | None
    name: str
    province: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        firms: int | None
        firms = self.firms

        name = self.name

        province = self.province


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "firms": firms,
            "name": name,
            "province": province,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_firms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        firms = _parse_firms(d.pop("firms"))


        name = d.pop("name")

        province = d.pop("province")

        competition_province_out = cls(
            firms=firms,
            name=name,
            province=province,
        )


        competition_province_out.additional_properties = d
        return competition_province_out

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
