from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="PhaseOut")



@_attrs_define
class PhaseOut:
    """ 
        Attributes:
            deadline (datetime.datetime): Deadline for entries
            name (str):
            number (int):
            opened_at (datetime.datetime | None | Unset): Opened
            rules (str | Unset): Entry rules
            shortlist_limit (int | None | Unset): Most entries shortlisted for the next phase
     """

    deadline: datetime.datetime
    name: str
    number: int
    opened_at: datetime.datetime | None | Unset = UNSET
    rules: str | Unset = UNSET
    shortlist_limit: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        deadline = self.deadline.isoformat()

        name = self.name

        number = self.number

        opened_at: None | str | Unset
        if isinstance(self.opened_at, Unset):
            opened_at = UNSET
        elif isinstance(self.opened_at, datetime.datetime):
            opened_at = self.opened_at.isoformat()
        else:
            opened_at = self.opened_at

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
            "number": number,
        })
        if opened_at is not UNSET:
            field_dict["opened_at"] = opened_at
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

        number = d.pop("number")

        def _parse_opened_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opened_at_type_0 = datetime.datetime.fromisoformat(data)



                return opened_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        opened_at = _parse_opened_at(d.pop("opened_at", UNSET))


        rules = d.pop("rules", UNSET)

        def _parse_shortlist_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        shortlist_limit = _parse_shortlist_limit(d.pop("shortlist_limit", UNSET))


        phase_out = cls(
            deadline=deadline,
            name=name,
            number=number,
            opened_at=opened_at,
            rules=rules,
            shortlist_limit=shortlist_limit,
        )


        phase_out.additional_properties = d
        return phase_out

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
