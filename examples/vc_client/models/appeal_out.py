from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.appeal_out_status_enum import AppealOutStatusEnum
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="AppealOut")



@_attrs_define
class AppealOut:
    """ 
        Attributes:
            asset (int):
            created_at (datetime.datetime): Appealed
            id (int):
            statement (str):
            decided_at (datetime.datetime | None | Unset): Decided
            decision_reason (str | Unset): Reason
            status (AppealOutStatusEnum | Unset): * `pending` - Waiting for a decision
                * `upheld` - Take-down upheld
                * `restored` - Restored
     """

    asset: int
    created_at: datetime.datetime
    id: int
    statement: str
    decided_at: datetime.datetime | None | Unset = UNSET
    decision_reason: str | Unset = UNSET
    status: AppealOutStatusEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        asset = self.asset

        created_at = self.created_at.isoformat()

        id = self.id

        statement = self.statement

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decision_reason = self.decision_reason

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asset": asset,
            "created_at": created_at,
            "id": id,
            "statement": statement,
        })
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decision_reason is not UNSET:
            field_dict["decision_reason"] = decision_reason
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset = d.pop("asset")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        statement = d.pop("statement")

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)



                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))


        decision_reason = d.pop("decision_reason", UNSET)

        _status = d.pop("status", UNSET)
        status: AppealOutStatusEnum | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = AppealOutStatusEnum(_status)




        appeal_out = cls(
            asset=asset,
            created_at=created_at,
            id=id,
            statement=statement,
            decided_at=decided_at,
            decision_reason=decision_reason,
            status=status,
        )


        appeal_out.additional_properties = d
        return appeal_out

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
