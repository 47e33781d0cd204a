from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="WebhookDataEntrySubmitted")



@_attrs_define
class WebhookDataEntrySubmitted:
    """ The `data` of the event entry.submitted.

        Attributes:
            entry_id (Any | Unset):
            project_id (Any | Unset):
            submitted_at (Any | Unset):
            version (Any | Unset):
     """

    entry_id: Any | Unset = UNSET
    project_id: Any | Unset = UNSET
    submitted_at: Any | Unset = UNSET
    version: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        entry_id = self.entry_id

        project_id = self.project_id

        submitted_at = self.submitted_at

        version = self.version


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if entry_id is not UNSET:
            field_dict["entry_id"] = entry_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entry_id = d.pop("entry_id", UNSET)

        project_id = d.pop("project_id", UNSET)

        submitted_at = d.pop("submitted_at", UNSET)

        version = d.pop("version", UNSET)

        webhook_data_entry_submitted = cls(
            entry_id=entry_id,
            project_id=project_id,
            submitted_at=submitted_at,
            version=version,
        )

        return webhook_data_entry_submitted

