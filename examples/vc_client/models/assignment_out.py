from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="AssignmentOut")



@_attrs_define
class AssignmentOut:
    """ 
        Attributes:
            assigned_at (datetime.datetime): Assigned
            entry (int):
            id (int):
            judge (int):
            automatic (bool | Unset): Assigned automatically
            phase_number (int | Unset): Phase
     """

    assigned_at: datetime.datetime
    entry: int
    id: int
    judge: int
    automatic: bool | Unset = UNSET
    phase_number: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        assigned_at = self.assigned_at.isoformat()

        entry = self.entry

        id = self.id

        judge = self.judge

        automatic = self.automatic

        phase_number = self.phase_number


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "assigned_at": assigned_at,
            "entry": entry,
            "id": id,
            "judge": judge,
        })
        if automatic is not UNSET:
            field_dict["automatic"] = automatic
        if phase_number is not UNSET:
            field_dict["phase_number"] = phase_number

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assigned_at = datetime.datetime.fromisoformat(d.pop("assigned_at"))




        entry = d.pop("entry")

        id = d.pop("id")

        judge = d.pop("judge")

        automatic = d.pop("automatic", UNSET)

        phase_number = d.pop("phase_number", UNSET)

        assignment_out = cls(
            assigned_at=assigned_at,
            entry=entry,
            id=id,
            judge=judge,
            automatic=automatic,
            phase_number=phase_number,
        )


        assignment_out.additional_properties = d
        return assignment_out

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
