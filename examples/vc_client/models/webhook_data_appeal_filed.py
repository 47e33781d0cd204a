from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="WebhookDataAppealFiled")



@_attrs_define
class WebhookDataAppealFiled:
    """ The `data` of the event appeal.filed.

        Attributes:
            appeal_id (Any | Unset):
            entry_id (Any | Unset):
            project_id (Any | Unset):
     """

    appeal_id: Any | Unset = UNSET
    entry_id: Any | Unset = UNSET
    project_id: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        appeal_id = self.appeal_id

        entry_id = self.entry_id

        project_id = self.project_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if appeal_id is not UNSET:
            field_dict["appeal_id"] = appeal_id
        if entry_id is not UNSET:
            field_dict["entry_id"] = entry_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        appeal_id = d.pop("appeal_id", UNSET)

        entry_id = d.pop("entry_id", UNSET)

        project_id = d.pop("project_id", UNSET)

        webhook_data_appeal_filed = cls(
            appeal_id=appeal_id,
            entry_id=entry_id,
            project_id=project_id,
        )

        return webhook_data_appeal_filed

