from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="PhaseInRequest")



@_attrs_define
class PhaseInRequest:
    """ 
        Attributes:
            deadline (datetime.datetime):
            name (str):
            rules (str | Unset): Optional: the server uses `""` when it is absent.
            shortlist_limit (int | None | Unset):
     """

    deadline: datetime.datetime
    name: str
    rules: str | Unset = UNSET
    shortlist_limit: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        deadline = self.deadline.isoformat()

        name = self.name

        rules = self.rules

        shortlist_limit: int | None | Unset
        if isinstance(self.shortlist_limit, Unset):
            shortlist_limit = UNSET
        else:
            shortlist_limit = self.shortlist_limit


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "deadline": deadline,
            "name": name,
        })
        if rules is not UNSET:
            field_dict["rules"] = rules
        if shortlist_limit is not UNSET:
            field_dict["shortlist_limit"] = shortlist_limit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        deadline = datetime.datetime.fromisoformat(d.pop("deadline"))




        name = d.pop("name")

        rules = d.pop("rules", UNSET)

        def _parse_shortlist_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        shortlist_limit = _parse_shortlist_limit(d.pop("shortlist_limit", UNSET))


        phase_in_request = cls(
            deadline=deadline,
            name=name,
            rules=rules,
            shortlist_limit=shortlist_limit,
        )


        phase_in_request.additional_properties = d
        return phase_in_request

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
