from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="EmbargoOut")



@_attrs_define
class EmbargoOut:
    """ 
        Attributes:
            embargo_until (datetime.datetime | None):
            id (int):
     """

    embargo_until: datetime.datetime | None
    id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        embargo_until: None | str
        if isinstance(self.embargo_until, datetime.datetime):
            embargo_until = self.embargo_until.isoformat()
        else:
            embargo_until = self.embargo_until

        id = self.id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "embargo_until": embargo_until,
            "id": id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_embargo_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                embargo_until_type_0 = datetime.datetime.fromisoformat(data)



                return embargo_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        embargo_until = _parse_embargo_until(d.pop("embargo_until"))


        id = d.pop("id")

        embargo_out = cls(
            embargo_until=embargo_until,
            id=id,
        )


        embargo_out.additional_properties = d
        return embargo_out

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
