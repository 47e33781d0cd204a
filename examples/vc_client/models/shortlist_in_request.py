from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.shortlist_in_request_feedback import ShortlistInRequestFeedback





T = TypeVar("T", bound="ShortlistInRequest")



@_attrs_define
class ShortlistInRequest:
    """ 
        Attributes:
            entries (list[int]): the shortlisted entries' ids
            feedback (ShortlistInRequestFeedback | Unset): entry id → private written feedback for its team
     """

    entries: list[int]
    feedback: ShortlistInRequestFeedback | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.shortlist_in_request_feedback import ShortlistInRequestFeedback # noqa: PLC0415
        entries = self.entries



        feedback: dict[str, Any] | Unset = UNSET
        if not isinstance(self.feedback, Unset):
            feedback = self.feedback.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "entries": entries,
        })
        if feedback is not UNSET:
            field_dict["feedback"] = feedback

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.shortlist_in_request_feedback import ShortlistInRequestFeedback # noqa: PLC0415
        d = dict(src_dict)
        entries = cast(list[int], d.pop("entries"))


        _feedback = d.pop("feedback", UNSET)
        feedback: ShortlistInRequestFeedback | Unset
        if isinstance(_feedback,  Unset):
            feedback = UNSET
        else:
            feedback = ShortlistInRequestFeedback.from_dict(_feedback)




        shortlist_in_request = cls(
            entries=entries,
            feedback=feedback,
        )


        shortlist_in_request.additional_properties = d
        return shortlist_in_request

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
