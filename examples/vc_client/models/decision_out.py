from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.decision_out_decision_enum import DecisionOutDecisionEnum
from typing import cast
import datetime






T = TypeVar("T", bound="DecisionOut")



@_attrs_define
class DecisionOut:
    """ 
        Attributes:
            asset (int):
            at (datetime.datetime): When
            decision (DecisionOutDecisionEnum): * `approve` - Approve
                * `reject` - Reject
                * `request_changes` - Ask for changes
                * `take_down` - Take down
                * `restore` - Restore
            from_status (str): From
            id (int):
            reason (str):
            to_status (str): To
     """

    asset: int
    at: datetime.datetime
    decision: DecisionOutDecisionEnum
    from_status: str
    id: int
    reason: str
    to_status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        asset = self.asset

        at = self.at.isoformat()

        decision = self.decision.value

        from_status = self.from_status

        id = self.id

        reason = self.reason

        to_status = self.to_status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asset": asset,
            "at": at,
            "decision": decision,
            "from_status": from_status,
            "id": id,
            "reason": reason,
            "to_status": to_status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset = d.pop("asset")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        decision = DecisionOutDecisionEnum(d.pop("decision"))




        from_status = d.pop("from_status")

        id = d.pop("id")

        reason = d.pop("reason")

        to_status = d.pop("to_status")

        decision_out = cls(
            asset=asset,
            at=at,
            decision=decision,
            from_status=from_status,
            id=id,
            reason=reason,
            to_status=to_status,
        )


        decision_out.additional_properties = d
        return decision_out

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
