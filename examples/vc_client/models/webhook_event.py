from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.webhook_event_name import WebhookEventName
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.webhook_event_data import WebhookEventData





T = TypeVar("T", bound="WebhookEvent")



@_attrs_define
class WebhookEvent:
    """ The JSON body of every webhook delivery (POST to your endpoint, Content-Type: application/json). Events:
    `appeal.decided`: The panel upheld or rejected an appeal; `appeal.filed`: A solver appealed an entry's published
    scores; `asset.published`: A knowledge asset was published; `asset.taken_down`: A knowledge asset was taken down;
    `cluster.endorsed`: A public agency endorsed a cluster the firm belongs to; `cluster.endorsement_revoked`: A public
    agency revoked its endorsement of a cluster the firm belongs to; `contract.created`: A supplier was selected on an
    RFP and its proposal became a contract; `contract.milestone_accepted`: The sponsor accepted a contract milestone;
    `contract.milestone_returned`: The sponsor returned a contract milestone for rework; `contract.milestone_submitted`:
    The supplier delivered a contract milestone; `entry.shortlisted`: An entry was shortlisted for the next phase;
    `entry.submitted`: An entry was submitted to your project (without its content); `guidance.published`: A public
    agency published guidance that reaches the firm; `idea.merged`: Duplicate ideas were merged; the surviving idea
    credits every merged idea's firm; `idea.submitted`: An idea was submitted to your ideation challenge (without its
    content); `ideation.awarded`: An ideation was awarded: its winning ideas became knowledge assets of their credited
    firms; `membership.approved`: A cluster membership was approved; `phase.opened`: The next phase of a design project
    opened for the shortlisted teams; `project.awarded`: A design project was awarded; `project.opened`: A design
    project opened; `proposal.submitted`: A proposal was submitted to your RFP (without its content);
    `spillover.updated`: Spillover figures were updated

        Attributes:
            created_at (datetime.datetime):
            data (WebhookEventData): The event's ids; see the `WebhookData…` components for each event's fields.
            delivery (int):
            event (WebhookEventName):
            id (int): The same for every attempt and replay: ignore duplicates.
     """

    created_at: datetime.datetime
    data: WebhookEventData
    delivery: int
    event: WebhookEventName
    id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.webhook_event_data import WebhookEventData # noqa: PLC0415
        created_at = self.created_at.isoformat()

        data = self.data.to_dict()

        delivery = self.delivery

        event = self.event.value

        id = self.id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "data": data,
            "delivery": delivery,
            "event": event,
            "id": id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_event_data import WebhookEventData # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        data = WebhookEventData.from_dict(d.pop("data"))




        delivery = d.pop("delivery")

        event = WebhookEventName(d.pop("event"))




        id = d.pop("id")

        webhook_event = cls(
            created_at=created_at,
            data=data,
            delivery=delivery,
            event=event,
            id=id,
        )


        webhook_event.additional_properties = d
        return webhook_event

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
