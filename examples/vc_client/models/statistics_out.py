from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.statistics_out_by_kind import StatisticsOutByKind
  from ..models.statistics_out_daily_item import StatisticsOutDailyItem





T = TypeVar("T", bound="StatisticsOut")



@_attrs_define
class StatisticsOut:
    """ 
        Attributes:
            by_kind (StatisticsOutByKind):
            daily (list[StatisticsOutDailyItem]):
            firms (int):
            total (int):
     """

    by_kind: StatisticsOutByKind
    daily: list[StatisticsOutDailyItem]
    firms: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.statistics_out_by_kind import StatisticsOutByKind # noqa: PLC0415
        from ..models.statistics_out_daily_item import StatisticsOutDailyItem # noqa: PLC0415
        by_kind = self.by_kind.to_dict()

        daily = []
        for daily_item_data in self.daily:
            daily_item = daily_item_data.to_dict()
            daily.append(daily_item)



        firms = self.firms

        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_kind": by_kind,
            "daily": daily,
            "firms": firms,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statistics_out_by_kind import StatisticsOutByKind # noqa: PLC0415
        from ..models.statistics_out_daily_item import StatisticsOutDailyItem # noqa: PLC0415
        d = dict(src_dict)
        by_kind = StatisticsOutByKind.from_dict(d.pop("by_kind"))




        daily = []
        _daily = d.pop("daily")
        for daily_item_data in (_daily):
            daily_item = StatisticsOutDailyItem.from_dict(daily_item_data)



            daily.append(daily_item)


        firms = d.pop("firms")

        total = d.pop("total")

        statistics_out = cls(
            by_kind=by_kind,
            daily=daily,
            firms=firms,
            total=total,
        )


        statistics_out.additional_properties = d
        return statistics_out

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
