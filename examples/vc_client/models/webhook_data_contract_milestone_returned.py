from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="WebhookDataContractMilestoneReturned")



@_attrs_define
class WebhookDataContractMilestoneReturned:
    """ The `data` of the event contract.milestone_returned.

        Attributes:
            contract_id (Any | Unset):
            milestone_id (Any | Unset):
            position (Any | Unset):
            project_id (Any | Unset):
     """

    contract_id: Any | Unset = UNSET
    milestone_id: Any | Unset = UNSET
    position: Any | Unset = UNSET
    project_id: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        contract_id = self.contract_id

        milestone_id = self.milestone_id

        position = self.position

        project_id = self.project_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if milestone_id is not UNSET:
            field_dict["milestone_id"] = milestone_id
        if position is not UNSET:
            field_dict["position"] = position
        if project_id is not UNSET:
            field_dict["project_id"] = project_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract_id = d.pop("contract_id", UNSET)

        milestone_id = d.pop("milestone_id", UNSET)

        position = d.pop("position", UNSET)

        project_id = d.pop("project_id", UNSET)

        webhook_data_contract_milestone_returned = cls(
            contract_id=contract_id,
            milestone_id=milestone_id,
            position=position,
            project_id=project_id,
        )

        return webhook_data_contract_milestone_returned

