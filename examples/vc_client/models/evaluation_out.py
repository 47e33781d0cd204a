from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="EvaluationOut")



@_attrs_define
class EvaluationOut:
    """ 
        Attributes:
            appeal_deadline (datetime.datetime | None): null until the scores are published
            appeal_window_hours (int): hours after the scores are published
            min_reviews (int): reviews an entry needs before it is ranked
            normalise_scores (bool): show per-judge z-scores beside the raw means
     """

    appeal_deadline: datetime.datetime | None
    appeal_window_hours: int
    min_reviews: int
    normalise_scores: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        appeal_deadline: None | str
        if isinstance(self.appeal_deadline, datetime.datetime):
            appeal_deadline = self.appeal_deadline.isoformat()
        else:
            appeal_deadline = self.appeal_deadline

        appeal_window_hours = self.appeal_window_hours

        min_reviews = self.min_reviews

        normalise_scores = self.normalise_scores


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "appeal_deadline": appeal_deadline,
            "appeal_window_hours": appeal_window_hours,
            "min_reviews": min_reviews,
            "normalise_scores": normalise_scores,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_appeal_deadline(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                appeal_deadline_type_0 = datetime.datetime.fromisoformat(data)



                return appeal_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        appeal_deadline = _parse_appeal_deadline(d.pop("appeal_deadline"))


        appeal_window_hours = d.pop("appeal_window_hours")

        min_reviews = d.pop("min_reviews")

        normalise_scores = d.pop("normalise_scores")

        evaluation_out = cls(
            appeal_deadline=appeal_deadline,
            appeal_window_hours=appeal_window_hours,
            min_reviews=min_reviews,
            normalise_scores=normalise_scores,
        )


        evaluation_out.additional_properties = d
        return evaluation_out

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
