from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.membership_kind_enum import MembershipKindEnum
from ..types import UNSET, Unset






T = TypeVar("T", bound="MembershipCreateInRequest")



@_attrs_define
class MembershipCreateInRequest:
    """ Apply for a firm (the acting firm unless ``firm`` is given), or invite a firm as a moderator.

        Attributes:
            cluster (str): Short name
            firm (int | Unset):
            kind (MembershipKindEnum | Unset): * `apply` - apply
                * `invite` - invite
            message (str | Unset): Optional: the server uses `""` when it is absent.
     """

    cluster: str
    firm: int | Unset = UNSET
    kind: MembershipKindEnum | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cluster = self.cluster

        firm = self.firm

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        message = self.message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cluster": cluster,
        })
        if firm is not UNSET:
            field_dict["firm"] = firm
        if kind is not UNSET:
            field_dict["kind"] = kind
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cluster = d.pop("cluster")

        firm = d.pop("firm", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: MembershipKindEnum | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = MembershipKindEnum(_kind)




        message = d.pop("message", UNSET)

        membership_create_in_request = cls(
            cluster=cluster,
            firm=firm,
            kind=kind,
            message=message,
        )


        membership_create_in_request.additional_properties = d
        return membership_create_in_request

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
