from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.score_revise_in_request_values import ScoreReviseInRequestValues





T = TypeVar("T", bound="ScoreReviseInRequest")



@_attrs_define
class ScoreReviseInRequest:
    """ 
        Attributes:
            values (ScoreReviseInRequestValues): criterion id → revised score
     """

    values: ScoreReviseInRequestValues
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.score_revise_in_request_values import ScoreReviseInRequestValues # noqa: PLC0415
        values = self.values.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "values": values,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.score_revise_in_request_values import ScoreReviseInRequestValues # noqa: PLC0415
        d = dict(src_dict)
        values = ScoreReviseInRequestValues.from_dict(d.pop("values"))




        score_revise_in_request = cls(
            values=values,
        )


        score_revise_in_request.additional_properties = d
        return score_revise_in_request

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
