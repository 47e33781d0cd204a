from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ClusterRowOut")



@_attrs_define
class ClusterRowOut:
    """ 
        Attributes:
            cluster (int):
            cross_province (float):
            csi (float):
            ei (float):
            internal (float):
            members (int):
            name (str):
            realisation (float):
     """

    cluster: int
    cross_province: float
    csi: float
    ei: float
    internal: float
    members: int
    name: str
    realisation: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cluster = self.cluster

        cross_province = self.cross_province

        csi = self.csi

        ei = self.ei

        internal = self.internal

        members = self.members

        name = self.name

        realisation = self.realisation


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cluster": cluster,
            "cross_province": cross_province,
            "csi": csi,
            "ei": ei,
            "internal": internal,
            "members": members,
            "name": name,
            "realisation": realisation,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cluster = d.pop("cluster")

        cross_province = d.pop("cross_province")

        csi = d.pop("csi")

        ei = d.pop("ei")

        internal = d.pop("internal")

        members = d.pop("members")

        name = d.pop("name")

        realisation = d.pop("realisation")

        cluster_row_out = cls(
            cluster=cluster,
            cross_province=cross_province,
            csi=csi,
            ei=ei,
            internal=internal,
            members=members,
            name=name,
            realisation=realisation,
        )


        cluster_row_out.additional_properties = d
        return cluster_row_out

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
