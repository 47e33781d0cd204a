from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PatchedCriterionInRequest")



@_attrs_define
class PatchedCriterionInRequest:
    """ 
        Attributes:
            description (str | Unset):
            name (str | Unset):
            scale_max (int | Unset):
            scale_min (int | Unset):
            weight (str | Unset):
     """

    description: str | Unset = UNSET
    name: str | Unset = UNSET
    scale_max: int | Unset = UNSET
    scale_min: int | Unset = UNSET
    weight: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        description = self.description

        name = self.name

        scale_max = self.scale_max

        scale_min = self.scale_min

        weight = self.weight


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if description is not UNSET:
            field_dict["description"] = description
        if name is not UNSET:
            field_dict["name"] = name
        if scale_max is not UNSET:
            field_dict["scale_max"] = scale_max
        if scale_min is not UNSET:
            field_dict["scale_min"] = scale_min
        if weight is not UNSET:
            field_dict["weight"] = weight

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description", UNSET)

        name = d.pop("name", UNSET)

        scale_max = d.pop("scale_max", UNSET)

        scale_min = d.pop("scale_min", UNSET)

        weight = d.pop("weight", UNSET)

        patched_criterion_in_request = cls(
            description=description,
            name=name,
            scale_max=scale_max,
            scale_min=scale_min,
            weight=weight,
        )


        patched_criterion_in_request.additional_properties = d
        return patched_criterion_in_request

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
