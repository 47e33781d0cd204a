from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.blank_enum import BlankEnum
from ..models.outcome_in_outcome_enum import OutcomeInOutcomeEnum
from typing import cast






T = TypeVar("T", bound="OutcomeInRequest")



@_attrs_define
class OutcomeInRequest:
    """ 
        Attributes:
            outcome (BlankEnum | OutcomeInOutcomeEnum):
     """

    outcome: BlankEnum | OutcomeInOutcomeEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        outcome: str
        if isinstance(self.outcome, OutcomeInOutcomeEnum):
            outcome = self.outcome.value
        else:
            outcome = self.outcome.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "outcome": outcome,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_outcome(data: object) -> BlankEnum | OutcomeInOutcomeEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = OutcomeInOutcomeEnum(data)



                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            outcome_type_1 = BlankEnum(data)



            return outcome_type_1

        outcome = _parse_outcome(d.pop("outcome"))


        outcome_in_request = cls(
            outcome=outcome,
        )


        outcome_in_request.additional_properties = d
        return outcome_in_request

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
