from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="WebhookDataProposalSubmitted")



@_attrs_define
class WebhookDataProposalSubmitted:
    """ The `data` of the event proposal.submitted.

        Attributes:
            project_id (Any | Unset):
            proposal_id (Any | Unset):
     """

    project_id: Any | Unset = UNSET
    proposal_id: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        project_id = self.project_id

        proposal_id = self.proposal_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if proposal_id is not UNSET:
            field_dict["proposal_id"] = proposal_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_id = d.pop("project_id", UNSET)

        proposal_id = d.pop("proposal_id", UNSET)

        webhook_data_proposal_submitted = cls(
            project_id=project_id,
            proposal_id=proposal_id,
        )

        return webhook_data_proposal_submitted

