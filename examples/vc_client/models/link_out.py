from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.link_kind_enum import LinkKindEnum
from typing import cast
import datetime






T = TypeVar("T", bound="LinkOut")



@_attrs_define
class LinkOut:
    """ 
        Attributes:
            cited (int):
            citing (int):
            created_at (datetime.datetime): Created
            id (int):
            kind (LinkKindEnum): * `citation` - Citation
                * `derivation` - Derivation
     """

    cited: int
    citing: int
    created_at: datetime.datetime
    id: int
    kind: LinkKindEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cited = self.cited

        citing = self.citing

        created_at = self.created_at.isoformat()

        id = self.id

        kind = self.kind.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cited": cited,
            "citing": citing,
            "created_at": created_at,
            "id": id,
            "kind": kind,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cited = d.pop("cited")

        citing = d.pop("citing")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        kind = LinkKindEnum(d.pop("kind"))




        link_out = cls(
            cited=cited,
            citing=citing,
            created_at=created_at,
            id=id,
            kind=kind,
        )


        link_out.additional_properties = d
        return link_out

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
