from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.contract_milestone_out import ContractMilestoneOut





T = TypeVar("T", bound="ContractOut")



@_attrs_define
class ContractOut:
    """ 
        Attributes:
            created_at (datetime.datetime): Signed
            delivery_days (int): Delivery time (days)
            id (int):
            milestones (list[ContractMilestoneOut]):
            price (str): Price (CNY)
            proposal (int):
            supplier (str):
     """

    created_at: datetime.datetime
    delivery_days: int
    id: int
    milestones: list[ContractMilestoneOut]
    price: str
    proposal: int
    supplier: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contract_milestone_out import ContractMilestoneOut # noqa: PLC0415
        created_at = self.created_at.isoformat()

        delivery_days = self.delivery_days

        id = self.id

        milestones = []
        for milestones_item_data in self.milestones:
            milestones_item = milestones_item_data.to_dict()
            milestones.append(milestones_item)



        price = self.price

        proposal = self.proposal

        supplier = self.supplier


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "delivery_days": delivery_days,
            "id": id,
            "milestones": milestones,
            "price": price,
            "proposal": proposal,
            "supplier": supplier,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_milestone_out import ContractMilestoneOut # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        delivery_days = d.pop("delivery_days")

        id = d.pop("id")

        milestones = []
        _milestones = d.pop("milestones")
        for milestones_item_data in (_milestones):
            milestones_item = ContractMilestoneOut.from_dict(milestones_item_data)



            milestones.append(milestones_item)


        price = d.pop("price")

        proposal = d.pop("proposal")

        supplier = d.pop("supplier")

        contract_out = cls(
            created_at=created_at,
            delivery_days=delivery_days,
            id=id,
            milestones=milestones,
            price=price,
            proposal=proposal,
            supplier=supplier,
        )


        contract_out.additional_properties = d
        return contract_out

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
