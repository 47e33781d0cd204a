from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="WebhookDataPhaseOpened")



@_attrs_define
class WebhookDataPhaseOpened:
    """ The `data` of the event phase.opened.

        Attributes:
            deadline (Any | Unset):
            final (Any | Unset):
            phase (Any | Unset):
            project_id (Any | Unset):
     """

    deadline: Any | Unset = UNSET
    final: Any | Unset = UNSET
    phase: Any | Unset = UNSET
    project_id: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        deadline = self.deadline

        final = self.final

        phase = self.phase

        project_id = self.project_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if deadline is not UNSET:
            field_dict["deadline"] = deadline
        if final is not UNSET:
            field_dict["final"] = final
        if phase is not UNSET:
            field_dict["phase"] = phase
        if project_id is not UNSET:
            field_dict["project_id"] = project_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        deadline = d.pop("deadline", UNSET)

        final = d.pop("final", UNSET)

        phase = d.pop("phase", UNSET)

        project_id = d.pop("project_id", UNSET)

        webhook_data_phase_opened = cls(
            deadline=deadline,
            final=final,
            phase=phase,
            project_id=project_id,
        )

        return webhook_data_phase_opened

