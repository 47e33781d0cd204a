from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="WebhookDataGuidancePublished")



@_attrs_define
class WebhookDataGuidancePublished:
    """ The `data` of the event guidance.published.

        Attributes:
            agency_id (Any | Unset):
            guidance_id (Any | Unset):
     """

    agency_id: Any | Unset = UNSET
    guidance_id: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        agency_id = self.agency_id

        guidance_id = self.guidance_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if agency_id is not UNSET:
            field_dict["agency_id"] = agency_id
        if guidance_id is not UNSET:
            field_dict["guidance_id"] = guidance_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agency_id = d.pop("agency_id", UNSET)

        guidance_id = d.pop("guidance_id", UNSET)

        webhook_data_guidance_published = cls(
            agency_id=agency_id,
            guidance_id=guidance_id,
        )

        return webhook_data_guidance_published

