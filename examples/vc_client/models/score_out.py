from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ScoreOut")



@_attrs_define
class ScoreOut:
    """ 
        Attributes:
            criterion (int):
            entry (int):
            id (int):
            judge (int):
            scored_at (datetime.datetime): Scored
            value (int): Score
            comment (str | Unset):
     """

    criterion: int
    entry: int
    id: int
    judge: int
    scored_at: datetime.datetime
    value: int
    comment: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        criterion = self.criterion

        entry = self.entry

        id = self.id

        judge = self.judge

        scored_at = self.scored_at.isoformat()

        value = self.value

        comment = self.comment


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "criterion": criterion,
            "entry": entry,
            "id": id,
            "judge": judge,
            "scored_at": scored_at,
            "value": value,
        })
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        criterion = d.pop("criterion")

        entry = d.pop("entry")

        id = d.pop("id")

        judge = d.pop("judge")

        scored_at = datetime.datetime.fromisoformat(d.pop("scored_at"))




        value = d.pop("value")

        comment = d.pop("comment", UNSET)

        score_out = cls(
            criterion=criterion,
            entry=entry,
            id=id,
            judge=judge,
            scored_at=scored_at,
            value=value,
            comment=comment,
        )


        score_out.additional_properties = d
        return score_out

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
