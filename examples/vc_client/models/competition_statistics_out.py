from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.competition_day_out import CompetitionDayOut
  from ..models.competition_province_out import CompetitionProvinceOut





T = TypeVar("T", bound="CompetitionStatisticsOut")



@_attrs_define
class CompetitionStatisticsOut:
    """ 
        Attributes:
            entries (int | None): null: fewer than three
            entries_over_time (list[CompetitionDayOut]):
            min_bucket (int):
            provinces (list[CompetitionProvinceOut]):
            terms_accepted (int | None): null: fewer than three
     """

    entries: int | None
    entries_over_time: list[CompetitionDayOut]
    min_bucket: int
    provinces: list[CompetitionProvinceOut]
    terms_accepted: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.competition_day_out import CompetitionDayOut # noqa: PLC0415
        from ..models.competition_province_out import CompetitionProvinceOut # noqa: PLC0415
        entries: int | None
        entries = self.entries

        entries_over_time = []
        for entries_over_time_item_data in self.entries_over_time:
            entries_over_time_item = entries_over_time_item_data.to_dict()
            entries_over_time.append(entries_over_time_item)



        min_bucket = self.min_bucket

        provinces = []
        for provinces_item_data in self.provinces:
            provinces_item = provinces_item_data.to_dict()
            provinces.append(provinces_item)



        terms_accepted: int | None
        terms_accepted = self.terms_accepted


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "entries": entries,
            "entries_over_time": entries_over_time,
            "min_bucket": min_bucket,
            "provinces": provinces,
            "terms_accepted": terms_accepted,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.competition_day_out import CompetitionDayOut # noqa: PLC0415
        from ..models.competition_province_out import CompetitionProvinceOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_entries(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        entries = _parse_entries(d.pop("entries"))


        entries_over_time = []
        _entries_over_time = d.pop("entries_over_time")
        for entries_over_time_item_data in (_entries_over_time):
            entries_over_time_item = CompetitionDayOut.from_dict(entries_over_time_item_data)



            entries_over_time.append(entries_over_time_item)


        min_bucket = d.pop("min_bucket")

        provinces = []
        _provinces = d.pop("provinces")
        for provinces_item_data in (_provinces):
            provinces_item = CompetitionProvinceOut.from_dict(provinces_item_data)



            provinces.append(provinces_item)


        def _parse_terms_accepted(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        terms_accepted = _parse_terms_accepted(d.pop("terms_accepted"))


        competition_statistics_out = cls(
            entries=entries,
            entries_over_time=entries_over_time,
            min_bucket=min_bucket,
            provinces=provinces,
            terms_accepted=terms_accepted,
        )


        competition_statistics_out.additional_properties = d
        return competition_statistics_out

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
