from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.proposal_milestone_out import ProposalMilestoneOut
  from ..models.proposal_out_firms_item import ProposalOutFirmsItem





T = TypeVar("T", bound="ProposalOut")



@_attrs_define
class ProposalOut:
    """ 
        Attributes:
            delivery_days (int): Delivery time (days)
            firms (list[ProposalOutFirmsItem]):
            id (int):
            milestones (list[ProposalMilestoneOut]):
            price (str): Price (CNY)
            submitted_at (datetime.datetime): Submitted
            summary (str): Approach
            team (str):
            selected_at (datetime.datetime | None | Unset): Selected
     """

    delivery_days: int
    firms: list[ProposalOutFirmsItem]
    id: int
    milestones: list[ProposalMilestoneOut]
    price: str
    submitted_at: datetime.datetime
    summary: str
    team: str
    selected_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.proposal_milestone_out import ProposalMilestoneOut # noqa: PLC0415
        from ..models.proposal_out_firms_item import ProposalOutFirmsItem # noqa: PLC0415
        delivery_days = self.delivery_days

        firms = []
        for firms_item_data in self.firms:
            firms_item = firms_item_data.to_dict()
            firms.append(firms_item)



        id = self.id

        milestones = []
        for milestones_item_data in self.milestones:
            milestones_item = milestones_item_data.to_dict()
            milestones.append(milestones_item)



        price = self.price

        submitted_at = self.submitted_at.isoformat()

        summary = self.summary

        team = self.team

        selected_at: None | str | Unset
        if isinstance(self.selected_at, Unset):
            selected_at = UNSET
        elif isinstance(self.selected_at, datetime.datetime):
            selected_at = self.selected_at.isoformat()
        else:
            selected_at = self.selected_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "delivery_days": delivery_days,
            "firms": firms,
            "id": id,
            "milestones": milestones,
            "price": price,
            "submitted_at": submitted_at,
            "summary": summary,
            "team": team,
        })
        if selected_at is not UNSET:
            field_dict["selected_at"] = selected_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.proposal_milestone_out import ProposalMilestoneOut # noqa: PLC0415
        from ..models.proposal_out_firms_item import ProposalOutFirmsItem # noqa: PLC0415
        d = dict(src_dict)
        delivery_days = d.pop("delivery_days")

        firms = []
        _firms = d.pop("firms")
        for firms_item_data in (_firms):
            firms_item = ProposalOutFirmsItem.from_dict(firms_item_data)



            firms.append(firms_item)


        id = d.pop("id")

        milestones = []
        _milestones = d.pop("milestones")
        for milestones_item_data in (_milestones):
            milestones_item = ProposalMilestoneOut.from_dict(milestones_item_data)



            milestones.append(milestones_item)


        price = d.pop("price")

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))




        summary = d.pop("summary")

        team = d.pop("team")

        def _parse_selected_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                selected_at_type_0 = datetime.datetime.fromisoformat(data)



                return selected_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        selected_at = _parse_selected_at(d.pop("selected_at", UNSET))


        proposal_out = cls(
            delivery_days=delivery_days,
            firms=firms,
            id=id,
            milestones=milestones,
            price=price,
            submitted_at=submitted_at,
            summary=summary,
            team=team,
            selected_at=selected_at,
        )


        proposal_out.additional_properties = d
        return proposal_out

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
