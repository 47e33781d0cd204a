from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="MembershipEventOut")



@_attrs_define
class MembershipEventOut:
    """ 
        Attributes:
            action (str):
            actor_name (str):
            at (datetime.datetime): When
            id (int):
            to_status (str): To
            from_status (str | Unset): From
            reason (str | Unset):
     """

    action: str
    actor_name: str
    at: datetime.datetime
    id: int
    to_status: str
    from_status: str | Unset = UNSET
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor_name = self.actor_name

        at = self.at.isoformat()

        id = self.id

        to_status = self.to_status

        from_status = self.from_status

        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "actor_name": actor_name,
            "at": at,
            "id": id,
            "to_status": to_status,
        })
        if from_status is not UNSET:
            field_dict["from_status"] = from_status
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        actor_name = d.pop("actor_name")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        id = d.pop("id")

        to_status = d.pop("to_status")

        from_status = d.pop("from_status", UNSET)

        reason = d.pop("reason", UNSET)

        membership_event_out = cls(
            action=action,
            actor_name=actor_name,
            at=at,
            id=id,
            to_status=to_status,
            from_status=from_status,
            reason=reason,
        )


        membership_event_out.additional_properties = d
        return membership_event_out

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
