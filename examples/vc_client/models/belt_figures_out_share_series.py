from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.belt_share_out import BeltShareOut





T = TypeVar("T", bound="BeltFiguresOutShareSeries")



@_attrs_define
class BeltFiguresOutShareSeries:
    """ Per month.

     """

    additional_properties: dict[str, BeltShareOut] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.belt_share_out import BeltShareOut # noqa: PLC0415
        
        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()


        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.belt_share_out import BeltShareOut # noqa: PLC0415
        d = dict(src_dict)
        belt_figures_out_share_series = cls(
        )


        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = BeltShareOut.from_dict(prop_dict)



            additional_properties[prop_name] = additional_property

        belt_figures_out_share_series.additional_properties = additional_properties
        return belt_figures_out_share_series

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> BeltShareOut:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: BeltShareOut) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
