from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.milestone_terms_in_request import MilestoneTermsInRequest





T = TypeVar("T", bound="ProposalInRequest")



@_attrs_define
class ProposalInRequest:
    """ 
        Attributes:
            delivery_days (int):
            milestones (list[MilestoneTermsInRequest]):
            price (str): CNY; the milestones' payments add up to it.
            summary (str):
     """

    delivery_days: int
    milestones: list[MilestoneTermsInRequest]
    price: str
    summary: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.milestone_terms_in_request import MilestoneTermsInRequest # noqa: PLC0415
        delivery_days = self.delivery_days

        milestones = []
        for milestones_item_data in self.milestones:
            milestones_item = milestones_item_data.to_dict()
            milestones.append(milestones_item)



        price = self.price

        summary = self.summary


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "delivery_days": delivery_days,
            "milestones": milestones,
            "price": price,
            "summary": summary,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.milestone_terms_in_request import MilestoneTermsInRequest # noqa: PLC0415
        d = dict(src_dict)
        delivery_days = d.pop("delivery_days")

        milestones = []
        _milestones = d.pop("milestones")
        for milestones_item_data in (_milestones):
            milestones_item = MilestoneTermsInRequest.from_dict(milestones_item_data)



            milestones.append(milestones_item)


        price = d.pop("price")

        summary = d.pop("summary")

        proposal_in_request = cls(
            delivery_days=delivery_days,
            milestones=milestones,
            price=price,
            summary=summary,
        )


        proposal_in_request.additional_properties = d
        return proposal_in_request

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
