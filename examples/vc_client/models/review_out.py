from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ReviewOut")



@_attrs_define
class ReviewOut:
    """ 
        Attributes:
            entry (int):
            judge (int):
            updated_at (datetime.datetime): Updated
            phase_number (int | Unset): Phase
            private_note (str | Unset): Private note (panel and sponsor only)
            solver_note (str | Unset): Note to the solver
     """

    entry: int
    judge: int
    updated_at: datetime.datetime
    phase_number: int | Unset = UNSET
    private_note: str | Unset = UNSET
    solver_note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        entry = self.entry

        judge = self.judge

        updated_at = self.updated_at.isoformat()

        phase_number = self.phase_number

        private_note = self.private_note

        solver_note = self.solver_note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "entry": entry,
            "judge": judge,
            "updated_at": updated_at,
        })
        if phase_number is not UNSET:
            field_dict["phase_number"] = phase_number
        if private_note is not UNSET:
            field_dict["private_note"] = private_note
        if solver_note is not UNSET:
            field_dict["solver_note"] = solver_note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entry = d.pop("entry")

        judge = d.pop("judge")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        phase_number = d.pop("phase_number", UNSET)

        private_note = d.pop("private_note", UNSET)

        solver_note = d.pop("solver_note", UNSET)

        review_out = cls(
            entry=entry,
            judge=judge,
            updated_at=updated_at,
            phase_number=phase_number,
            private_note=private_note,
            solver_note=solver_note,
        )


        review_out.additional_properties = d
        return review_out

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
