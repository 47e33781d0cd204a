from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.firm_brief_out import FirmBriefOut





T = TypeVar("T", bound="OwnershipOut")



@_attrs_define
class OwnershipOut:
    """ 
        Attributes:
            firm (FirmBriefOut): Mix into an output serializer (before ``ModelSerializer``) to render rows without the
                generic walk.
            share (str):
     """

    firm: FirmBriefOut
    share: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.firm_brief_out import FirmBriefOut # noqa: PLC0415
        firm = self.firm.to_dict()

        share = self.share


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "firm": firm,
            "share": share,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.firm_brief_out import FirmBriefOut # noqa: PLC0415
        d = dict(src_dict)
        firm = FirmBriefOut.from_dict(d.pop("firm"))




        share = d.pop("share")

        ownership_out = cls(
            firm=firm,
            share=share,
        )


        ownership_out.additional_properties = d
        return ownership_out

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
