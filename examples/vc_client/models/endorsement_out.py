from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="EndorsementOut")



@_attrs_define
class EndorsementOut:
    """ 
        Attributes:
            cluster_id (int):
            cluster_name (str):
            endorsed_at (datetime.datetime):
     """

    cluster_id: int
    cluster_name: str
    endorsed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cluster_id = self.cluster_id

        cluster_name = self.cluster_name

        endorsed_at = self.endorsed_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cluster_id": cluster_id,
            "cluster_name": cluster_name,
            "endorsed_at": endorsed_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cluster_id = d.pop("cluster_id")

        cluster_name = d.pop("cluster_name")

        endorsed_at = datetime.datetime.fromisoformat(d.pop("endorsed_at"))




        endorsement_out = cls(
            cluster_id=cluster_id,
            cluster_name=cluster_name,
            endorsed_at=endorsed_at,
        )


        endorsement_out.additional_properties = d
        return endorsement_out

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
