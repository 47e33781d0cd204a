from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="CriterionInRequest")



@_attrs_define
class CriterionInRequest:
    """ 
        Attributes:
            name (str):
            weight (str):
            description (str | Unset): Optional: the server uses `""` when it is absent.
            scale_max (int | Unset): Optional: the server uses `10` when it is absent.
            scale_min (int | Unset): Optional: the server uses `0` when it is absent.
     """

    name: str
    weight: str
    description: str | Unset = UNSET
    scale_max: int | Unset = UNSET
    scale_min: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        weight = self.weight

        description = self.description

        scale_max = self.scale_max

        scale_min = self.scale_min


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "weight": weight,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if scale_max is not UNSET:
            field_dict["scale_max"] = scale_max
        if scale_min is not UNSET:
            field_dict["scale_min"] = scale_min

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        weight = d.pop("weight")

        description = d.pop("description", UNSET)

        scale_max = d.pop("scale_max", UNSET)

        scale_min = d.pop("scale_min", UNSET)

        criterion_in_request = cls(
            name=name,
            weight=weight,
            description=description,
            scale_max=scale_max,
            scale_min=scale_min,
        )


        criterion_in_request.additional_properties = d
        return criterion_in_request

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
