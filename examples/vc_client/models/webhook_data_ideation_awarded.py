from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="WebhookDataIdeationAwarded")



@_attrs_define
class WebhookDataIdeationAwarded:
    """ The `data` of the event ideation.awarded.

        Attributes:
            asset_ids (Any | Unset):
            idea_ids (Any | Unset):
            project_id (Any | Unset):
     """

    asset_ids: Any | Unset = UNSET
    idea_ids: Any | Unset = UNSET
    project_id: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        asset_ids = self.asset_ids

        idea_ids = self.idea_ids

        project_id = self.project_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if asset_ids is not UNSET:
            field_dict["asset_ids"] = asset_ids
        if idea_ids is not UNSET:
            field_dict["idea_ids"] = idea_ids
        if project_id is not UNSET:
            field_dict["project_id"] = project_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset_ids = d.pop("asset_ids", UNSET)

        idea_ids = d.pop("idea_ids", UNSET)

        project_id = d.pop("project_id", UNSET)

        webhook_data_ideation_awarded = cls(
            asset_ids=asset_ids,
            idea_ids=idea_ids,
            project_id=project_id,
        )

        return webhook_data_ideation_awarded

