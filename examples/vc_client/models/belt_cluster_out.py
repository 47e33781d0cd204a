from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="BeltClusterOut")



@_attrs_define
class BeltClusterOut:
    """ 
        Attributes:
            id (int):
            members_from_belt (int):
            name_en (str):
            name_zh (str):
            slug (str):
     """

    id: int
    members_from_belt: int
    name_en: str
    name_zh: str
    slug: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        members_from_belt = self.members_from_belt

        name_en = self.name_en

        name_zh = self.name_zh

        slug = self.slug


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "members_from_belt": members_from_belt,
            "name_en": name_en,
            "name_zh": name_zh,
            "slug": slug,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        members_from_belt = d.pop("members_from_belt")

        name_en = d.pop("name_en")

        name_zh = d.pop("name_zh")

        slug = d.pop("slug")

        belt_cluster_out = cls(
            id=id,
            members_from_belt=members_from_belt,
            name_en=name_en,
            name_zh=name_zh,
            slug=slug,
        )


        belt_cluster_out.additional_properties = d
        return belt_cluster_out

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
