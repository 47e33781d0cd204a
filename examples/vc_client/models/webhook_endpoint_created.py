from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="WebhookEndpointCreated")



@_attrs_define
class WebhookEndpointCreated:
    """ The secret is returned once, when the endpoint is created.

        Attributes:
            created_at (datetime.datetime): Created
            events (list[str]):
            id (int):
            secret (str): Signing secret
            url (str):
            active (bool | Unset):
            description (str | Unset):
     """

    created_at: datetime.datetime
    events: list[str]
    id: int
    secret: str
    url: str
    active: bool | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        events = self.events



        id = self.id

        secret = self.secret

        url = self.url

        active = self.active

        description = self.description


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "events": events,
            "id": id,
            "secret": secret,
            "url": url,
        })
        if active is not UNSET:
            field_dict["active"] = active
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        events = cast(list[str], d.pop("events"))


        id = d.pop("id")

        secret = d.pop("secret")

        url = d.pop("url")

        active = d.pop("active", UNSET)

        description = d.pop("description", UNSET)

        webhook_endpoint_created = cls(
            created_at=created_at,
            events=events,
            id=id,
            secret=secret,
            url=url,
            active=active,
            description=description,
        )


        webhook_endpoint_created.additional_properties = d
        return webhook_endpoint_created

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
