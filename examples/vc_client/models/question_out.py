from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="QuestionOut")



@_attrs_define
class QuestionOut:
    """ 
        Attributes:
            asked_at (datetime.datetime): Asked
            id (int):
            text (str): Question
            answer (str | Unset):
            answered_at (datetime.datetime | None | Unset): Answered
            public (bool | Unset): Answer publicly
     """

    asked_at: datetime.datetime
    id: int
    text: str
    answer: str | Unset = UNSET
    answered_at: datetime.datetime | None | Unset = UNSET
    public: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        asked_at = self.asked_at.isoformat()

        id = self.id

        text = self.text

        answer = self.answer

        answered_at: None | str | Unset
        if isinstance(self.answered_at, Unset):
            answered_at = UNSET
        elif isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        public = self.public


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asked_at": asked_at,
            "id": id,
            "text": text,
        })
        if answer is not UNSET:
            field_dict["answer"] = answer
        if answered_at is not UNSET:
            field_dict["answered_at"] = answered_at
        if public is not UNSET:
            field_dict["public"] = public

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asked_at = datetime.datetime.fromisoformat(d.pop("asked_at"))




        id = d.pop("id")

        text = d.pop("text")

        answer = d.pop("answer", UNSET)

        def _parse_answered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)



                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        answered_at = _parse_answered_at(d.pop("answered_at", UNSET))


        public = d.pop("public", UNSET)

        question_out = cls(
            asked_at=asked_at,
            id=id,
            text=text,
            answer=answer,
            answered_at=answered_at,
            public=public,
        )


        question_out.additional_properties = d
        return question_out

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
