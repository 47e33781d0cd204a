from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="WebhookDataIdeaSubmitted")



@_attrs_define
class WebhookDataIdeaSubmitted:
    """ The `data` of the event idea.submitted.

        Attributes:
            idea_id (Any | Unset):
            project_id (Any | Unset):
     """

    idea_id: Any | Unset = UNSET
    project_id: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        idea_id = self.idea_id

        project_id = self.project_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if idea_id is not UNSET:
            field_dict["idea_id"] = idea_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        idea_id = d.pop("idea_id", UNSET)

        project_id = d.pop("project_id", UNSET)

        webhook_data_idea_submitted = cls(
            idea_id=idea_id,
            project_id=project_id,
        )

        return webhook_data_idea_submitted

