from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="WebhookDataAppealDecided")



@_attrs_define
class WebhookDataAppealDecided:
    """ The `data` of the event appeal.decided.

        Attributes:
            appeal_id (Any | Unset):
            entry_id (Any | Unset):
            project_id (Any | Unset):
            status (Any | Unset):
     """

    appeal_id: Any | Unset = UNSET
    entry_id: Any | Unset = UNSET
    project_id: Any | Unset = UNSET
    status: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        appeal_id = self.appeal_id

        entry_id = self.entry_id

        project_id = self.project_id

        status = self.status


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if appeal_id is not UNSET:
            field_dict["appeal_id"] = appeal_id
        if entry_id is not UNSET:
            field_dict["entry_id"] = entry_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        appeal_id = d.pop("appeal_id", UNSET)

        entry_id = d.pop("entry_id", UNSET)

        project_id = d.pop("project_id", UNSET)

        status = d.pop("status", UNSET)

        webhook_data_appeal_decided = cls(
            appeal_id=appeal_id,
            entry_id=entry_id,
            project_id=project_id,
            status=status,
        )

        return webhook_data_appeal_decided

