from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="WebhookDataContractCreated")



@_attrs_define
class WebhookDataContractCreated:
    """ The `data` of the event contract.created.

        Attributes:
            contract_id (Any | Unset):
            project_id (Any | Unset):
            proposal_id (Any | Unset):
     """

    contract_id: Any | Unset = UNSET
    project_id: Any | Unset = UNSET
    proposal_id: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        contract_id = self.contract_id

        project_id = self.project_id

        proposal_id = self.proposal_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if proposal_id is not UNSET:
            field_dict["proposal_id"] = proposal_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract_id = d.pop("contract_id", UNSET)

        project_id = d.pop("project_id", UNSET)

        proposal_id = d.pop("proposal_id", UNSET)

        webhook_data_contract_created = cls(
            contract_id=contract_id,
            project_id=project_id,
            proposal_id=proposal_id,
        )

        return webhook_data_contract_created

