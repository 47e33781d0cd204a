from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="WebhookDataEntryShortlisted")



@_attrs_define
class WebhookDataEntryShortlisted:
    """ The `data` of the event entry.shortlisted.

        Attributes:
            entry_id (Any | Unset):
            phase (Any | Unset):
            project_id (Any | Unset):
     """

    entry_id: Any | Unset = UNSET
    phase: Any | Unset = UNSET
    project_id: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        entry_id = self.entry_id

        phase = self.phase

        project_id = self.project_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if entry_id is not UNSET:
            field_dict["entry_id"] = entry_id
        if phase is not UNSET:
            field_dict["phase"] = phase
        if project_id is not UNSET:
            field_dict["project_id"] = project_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entry_id = d.pop("entry_id", UNSET)

        phase = d.pop("phase", UNSET)

        project_id = d.pop("project_id", UNSET)

        webhook_data_entry_shortlisted = cls(
            entry_id=entry_id,
            phase=phase,
            project_id=project_id,
        )

        return webhook_data_entry_shortlisted

