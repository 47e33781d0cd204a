from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="BeltFlowOut")



@_attrs_define
class BeltFlowOut:
    """ 
        Attributes:
            belt (int):
            use_events (int | None): null where the figure would describe fewer than k firms (or could be recovered from
                other figures).
     """

    belt: int
    use_events: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        belt = self.belt

        use_events: int | None
        use_events = self.use_events


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "belt": belt,
            "use_events": use_events,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        belt = d.pop("belt")

        def _parse_use_events(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        use_events = _parse_use_events(d.pop("use_events"))


        belt_flow_out = cls(
            belt=belt,
            use_events=use_events,
        )


        belt_flow_out.additional_properties = d
        return belt_flow_out

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
