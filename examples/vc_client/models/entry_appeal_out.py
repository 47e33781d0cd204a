from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.entry_appeal_out_status_enum import EntryAppealOutStatusEnum
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="EntryAppealOut")



@_attrs_define
class EntryAppealOut:
    """ 
        Attributes:
            entry (int):
            filed_at (datetime.datetime): Filed
            has_attachment (bool):
            id (int):
            reason (str):
            answer (str | Unset): The panel's answer
            decided_at (datetime.datetime | None | Unset): Decided
            phase_number (int | Unset): Phase Default: 1.
            status (EntryAppealOutStatusEnum | Unset): * `pending` - Waiting for the panel
                * `upheld` - Upheld
                * `rejected` - Rejected Default: EntryAppealOutStatusEnum.PENDING.
     """

    entry: int
    filed_at: datetime.datetime
    has_attachment: bool
    id: int
    reason: str
    answer: str | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    phase_number: int | Unset = 1
    status: EntryAppealOutStatusEnum | Unset = EntryAppealOutStatusEnum.PENDING
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        entry = self.entry

        filed_at = self.filed_at.isoformat()

        has_attachment = self.has_attachment

        id = self.id

        reason = self.reason

        answer = self.answer

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        phase_number = self.phase_number

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "entry": entry,
            "filed_at": filed_at,
            "has_attachment": has_attachment,
            "id": id,
            "reason": reason,
        })
        if answer is not UNSET:
            field_dict["answer"] = answer
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if phase_number is not UNSET:
            field_dict["phase_number"] = phase_number
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entry = d.pop("entry")

        filed_at = datetime.datetime.fromisoformat(d.pop("filed_at"))




        has_attachment = d.pop("has_attachment")

        id = d.pop("id")

        reason = d.pop("reason")

        answer = d.pop("answer", UNSET)

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


        phase_number = d.pop("phase_number", UNSET)

        _status = d.pop("status", UNSET)
        status: EntryAppealOutStatusEnum | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = EntryAppealOutStatusEnum(_status)




        entry_appeal_out = cls(
            entry=entry,
            filed_at=filed_at,
            has_attachment=has_attachment,
            id=id,
            reason=reason,
            answer=answer,
            decided_at=decided_at,
            phase_number=phase_number,
            status=status,
        )


        entry_appeal_out.additional_properties = d
        return entry_appeal_out

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
