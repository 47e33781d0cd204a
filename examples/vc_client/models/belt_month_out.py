from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="BeltMonthOut")



@_attrs_define
class BeltMonthOut:
    """ 
        Attributes:
            assets (int | None): Assets shared by members; null where the figure would describe fewer than k firms (or could
                be recovered from other figures).
            members (int | None): Members confirmed in the period; null where the figure would describe fewer than k firms
                (or could be recovered from other figures).
            projects (int | None): Projects sponsored by members; null where the figure would describe fewer than k firms
                (or could be recovered from other figures).
            use_events (int | None): Use events by members; null where the figure would describe fewer than k firms (or
                could be recovered from other figures).
     """

    assets: int | None
    members: int | None
    projects: int | None
    use_events: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        assets: int | None
        assets = self.assets

        members: int | None
        members = self.members

        projects: int | None
        projects = self.projects

        use_events: int | None
        use_events = self.use_events


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "assets": assets,
            "members": members,
            "projects": projects,
            "use_events": use_events,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_assets(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        assets = _parse_assets(d.pop("assets"))


        def _parse_members(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        members = _parse_members(d.pop("members"))


        def _parse_projects(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        projects = _parse_projects(d.pop("projects"))


        def _parse_use_events(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        use_events = _parse_use_events(d.pop("use_events"))


        belt_month_out = cls(
            assets=assets,
            members=members,
            projects=projects,
            use_events=use_events,
        )


        belt_month_out.additional_properties = d
        return belt_month_out

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
