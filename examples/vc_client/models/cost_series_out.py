from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="CostSeriesOut")



@_attrs_define
class CostSeriesOut:
    """ 
        Attributes:
            asset (int):
            cost (float):
            cost_per_use (list[float | None]):
            title (str):
            uses (int):
     """

    asset: int
    cost: float
    cost_per_use: list[float | None]
    title: str
    uses: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        asset = self.asset

        cost = self.cost

        cost_per_use = []
        for cost_per_use_item_data in self.cost_per_use:
            cost_per_use_item: float | None
            cost_per_use_item = cost_per_use_item_data
            cost_per_use.append(cost_per_use_item)



        title = self.title

        uses = self.uses


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asset": asset,
            "cost": cost,
            "cost_per_use": cost_per_use,
            "title": title,
            "uses": uses,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset = d.pop("asset")

        cost = d.pop("cost")

        cost_per_use = []
        _cost_per_use = d.pop("cost_per_use")
        for cost_per_use_item_data in (_cost_per_use):
            def _parse_cost_per_use_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            cost_per_use_item = _parse_cost_per_use_item(cost_per_use_item_data)

            cost_per_use.append(cost_per_use_item)


        title = d.pop("title")

        uses = d.pop("uses")

        cost_series_out = cls(
            asset=asset,
            cost=cost,
            cost_per_use=cost_per_use,
            title=title,
            uses=uses,
        )


        cost_series_out.additional_properties = d
        return cost_series_out

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
