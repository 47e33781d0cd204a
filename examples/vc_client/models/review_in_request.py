from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.review_in_request_values import ReviewInRequestValues





T = TypeVar("T", bound="ReviewInRequest")



@_attrs_define
class ReviewInRequest:
    """ 
        Attributes:
            values (ReviewInRequestValues): criterion id → score
            private_note (str | Unset): Optional: the server uses `""` when it is absent.
            solver_note (str | Unset): Optional: the server uses `""` when it is absent.
     """

    values: ReviewInRequestValues
    private_note: str | Unset = UNSET
    solver_note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.review_in_request_values import ReviewInRequestValues # noqa: PLC0415
        values = self.values.to_dict()

        private_note = self.private_note

        solver_note = self.solver_note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "values": values,
        })
        if private_note is not UNSET:
            field_dict["private_note"] = private_note
        if solver_note is not UNSET:
            field_dict["solver_note"] = solver_note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.review_in_request_values import ReviewInRequestValues # noqa: PLC0415
        d = dict(src_dict)
        values = ReviewInRequestValues.from_dict(d.pop("values"))




        private_note = d.pop("private_note", UNSET)

        solver_note = d.pop("solver_note", UNSET)

        review_in_request = cls(
            values=values,
            private_note=private_note,
            solver_note=solver_note,
        )


        review_in_request.additional_properties = d
        return review_in_request

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
