from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.partner_in_request import PartnerInRequest





T = TypeVar("T", bound="TeamInRequest")



@_attrs_define
class TeamInRequest:
    """ 
        Attributes:
            name (str | Unset): Optional: the server uses `""` when it is absent.
            partners (list[PartnerInRequest] | Unset):
     """

    name: str | Unset = UNSET
    partners: list[PartnerInRequest] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.partner_in_request import PartnerInRequest # noqa: PLC0415
        name = self.name

        partners: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.partners, Unset):
            partners = []
            for partners_item_data in self.partners:
                partners_item = partners_item_data.to_dict()
                partners.append(partners_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if partners is not UNSET:
            field_dict["partners"] = partners

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.partner_in_request import PartnerInRequest # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _partners = d.pop("partners", UNSET)
        partners: list[PartnerInRequest] | Unset = UNSET
        if _partners is not UNSET:
            partners = []
            for partners_item_data in _partners:
                partners_item = PartnerInRequest.from_dict(partners_item_data)



                partners.append(partners_item)


        team_in_request = cls(
            name=name,
            partners=partners,
        )


        team_in_request.additional_properties = d
        return team_in_request

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
