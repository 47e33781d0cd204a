from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.delivery_status_enum import DeliveryStatusEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.webhook_delivery_output_payload import WebhookDeliveryOutputPayload





T = TypeVar("T", bound="WebhookDeliveryOutput")



@_attrs_define
class WebhookDeliveryOutput:
    """ Mix into an output serializer (before ``ModelSerializer``) to render rows without the generic walk.

        Attributes:
            endpoint (int):
            event (str):
            id (int):
            payload (WebhookDeliveryOutputPayload): The body's `data` as delivered (WebhookEvent).
            attempts (int | Unset):
            created_at (datetime.datetime | Unset): Created
            dead_lettered (bool | Unset):
            delivered_at (datetime.datetime | None | Unset): Delivered
            last_attempt_at (datetime.datetime | None | Unset): Last attempt
            last_error (str | Unset):
            last_status_code (int | None | Unset):
            next_attempt_at (datetime.datetime | Unset): Next attempt
            replay_of (int | None | Unset):
            status (DeliveryStatusEnum | Unset): * `pending` - Pending
                * `retrying` - Retrying
                * `delivered` - Delivered
                * `dead` - Dead-lettered
     """

    endpoint: int
    event: str
    id: int
    payload: WebhookDeliveryOutputPayload
    attempts: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    dead_lettered: bool | Unset = UNSET
    delivered_at: datetime.datetime | None | Unset = UNSET
    last_attempt_at: datetime.datetime | None | Unset = UNSET
    last_error: str | Unset = UNSET
    last_status_code: int | None | Unset = UNSET
    next_attempt_at: datetime.datetime | Unset = UNSET
    replay_of: int | None | Unset = UNSET
    status: DeliveryStatusEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.webhook_delivery_output_payload import WebhookDeliveryOutputPayload # noqa: PLC0415
        endpoint = self.endpoint

        event = self.event

        id = self.id

        payload = self.payload.to_dict()

        attempts = self.attempts

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        dead_lettered = self.dead_lettered

        delivered_at: None | str | Unset
        if isinstance(self.delivered_at, Unset):
            delivered_at = UNSET
        elif isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        last_attempt_at: None | str | Unset
        if isinstance(self.last_attempt_at, Unset):
            last_attempt_at = UNSET
        elif isinstance(self.last_attempt_at, datetime.datetime):
            last_attempt_at = self.last_attempt_at.isoformat()
        else:
            last_attempt_at = self.last_attempt_at

        last_error = self.last_error

        last_status_code: int | None | Unset
        if isinstance(self.last_status_code, Unset):
            last_status_code = UNSET
        else:
            last_status_code = self.last_status_code

        next_attempt_at: str | Unset = UNSET
        if not isinstance(self.next_attempt_at, Unset):
            next_attempt_at = self.next_attempt_at.isoformat()

        replay_of: int | None | Unset
        if isinstance(self.replay_of, Unset):
            replay_of = UNSET
        else:
            replay_of = self.replay_of

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "endpoint": endpoint,
            "event": event,
            "id": id,
            "payload": payload,
        })
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if dead_lettered is not UNSET:
            field_dict["dead_lettered"] = dead_lettered
        if delivered_at is not UNSET:
            field_dict["delivered_at"] = delivered_at
        if last_attempt_at is not UNSET:
            field_dict["last_attempt_at"] = last_attempt_at
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if last_status_code is not UNSET:
            field_dict["last_status_code"] = last_status_code
        if next_attempt_at is not UNSET:
            field_dict["next_attempt_at"] = next_attempt_at
        if replay_of is not UNSET:
            field_dict["replay_of"] = replay_of
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_delivery_output_payload import WebhookDeliveryOutputPayload # noqa: PLC0415
        d = dict(src_dict)
        endpoint = d.pop("endpoint")

        event = d.pop("event")

        id = d.pop("id")

        payload = WebhookDeliveryOutputPayload.from_dict(d.pop("payload"))




        attempts = d.pop("attempts", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        dead_lettered = d.pop("dead_lettered", UNSET)

        def _parse_delivered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)



                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at", UNSET))


        def _parse_last_attempt_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_attempt_at = _parse_last_attempt_at(d.pop("last_attempt_at", UNSET))


        last_error = d.pop("last_error", UNSET)

        def _parse_last_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code", UNSET))


        _next_attempt_at = d.pop("next_attempt_at", UNSET)
        next_attempt_at: datetime.datetime | Unset
        if isinstance(_next_attempt_at,  Unset):
            next_attempt_at = UNSET
        else:
            next_attempt_at = datetime.datetime.fromisoformat(_next_attempt_at)




        def _parse_replay_of(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        replay_of = _parse_replay_of(d.pop("replay_of", UNSET))


        _status = d.pop("status", UNSET)
        status: DeliveryStatusEnum | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = DeliveryStatusEnum(_status)




        webhook_delivery_output = cls(
            endpoint=endpoint,
            event=event,
            id=id,
            payload=payload,
            attempts=attempts,
            created_at=created_at,
            dead_lettered=dead_lettered,
            delivered_at=delivered_at,
            last_attempt_at=last_attempt_at,
            last_error=last_error,
            last_status_code=last_status_code,
            next_attempt_at=next_attempt_at,
            replay_of=replay_of,
            status=status,
        )


        webhook_delivery_output.additional_properties = d
        return webhook_delivery_output

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
