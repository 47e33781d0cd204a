from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contract_milestone_out_status_enum import ContractMilestoneOutStatusEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.milestone_event_out import MilestoneEventOut





T = TypeVar("T", bound="ContractMilestoneOut")



@_attrs_define
class ContractMilestoneOut:
    """ 
        Attributes:
            amount (str): Payment (CNY)
            due_date (datetime.date): Due
            events (list[MilestoneEventOut]):
            id (int):
            position (int): Order
            title (str): Milestone
            status (ContractMilestoneOutStatusEnum | Unset): * `pending` - Not yet delivered
                * `submitted` - Delivered, waiting for the sponsor
                * `accepted` - Accepted
                * `returned` - Returned for rework
     """

    amount: str
    due_date: datetime.date
    events: list[MilestoneEventOut]
    id: int
    position: int
    title: str
    status: ContractMilestoneOutStatusEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.milestone_event_out import MilestoneEventOut # noqa: PLC0415
        amount = self.amount

        due_date = self.due_date.isoformat()

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)



        id = self.id

        position = self.position

        title = self.title

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "due_date": due_date,
            "events": events,
            "id": id,
            "position": position,
            "title": title,
        })
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.milestone_event_out import MilestoneEventOut # noqa: PLC0415
        d = dict(src_dict)
        amount = d.pop("amount")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))




        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = MilestoneEventOut.from_dict(events_item_data)



            events.append(events_item)


        id = d.pop("id")

        position = d.pop("position")

        title = d.pop("title")

        _status = d.pop("status", UNSET)
        status: ContractMilestoneOutStatusEnum | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ContractMilestoneOutStatusEnum(_status)




        contract_milestone_out = cls(
            amount=amount,
            due_date=due_date,
            events=events,
            id=id,
            position=position,
            title=title,
            status=status,
        )


        contract_milestone_out.additional_properties = d
        return contract_milestone_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
