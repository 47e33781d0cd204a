from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="EvaluationInRequest")



@_attrs_define
class EvaluationInRequest:
    """ 
        Attributes:
            appeal_window_hours (int | Unset):
            min_reviews (int | Unset):
            normalise_scores (bool | Unset):
     """

    appeal_window_hours: int | Unset = UNSET
    min_reviews: int | Unset = UNSET
    normalise_scores: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        appeal_window_hours = self.appeal_window_hours

        min_reviews = self.min_reviews

        normalise_scores = self.normalise_scores


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if appeal_window_hours is not UNSET:
            field_dict["appeal_window_hours"] = appeal_window_hours
        if min_reviews is not UNSET:
            field_dict["min_reviews"] = min_reviews
        if normalise_scores is not UNSET:
            field_dict["normalise_scores"] = normalise_scores

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        appeal_window_hours = d.pop("appeal_window_hours", UNSET)

        min_reviews = d.pop("min_reviews", UNSET)

        normalise_scores = d.pop("normalise_scores", UNSET)

        evaluation_in_request = cls(
            appeal_window_hours=appeal_window_hours,
            min_reviews=min_reviews,
            normalise_scores=normalise_scores,
        )


        evaluation_in_request.additional_properties = d
        return evaluation_in_request

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
