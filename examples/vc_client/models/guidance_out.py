from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.guidance_kind_enum import GuidanceKindEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.agency_brief_out import AgencyBriefOut





T = TypeVar("T", bound="GuidanceOut")



@_attrs_define
class GuidanceOut:
    """ 
        Attributes:
            agency (AgencyBriefOut):
            body (str): Text
            id (int):
            kind (GuidanceKindEnum): * `policy` - Policy notice
                * `call` - Call for collaborative projects
                * `subsidy` - Subsidy scheme
            provinces (list[str]): Provinces in scope
            published_at (datetime.datetime): Published
            sectors (list[str]):
            title (str):
            valid_from (datetime.date):
            valid_until (datetime.date | None | Unset):
     """

    agency: AgencyBriefOut
    body: str
    id: int
    kind: GuidanceKindEnum
    provinces: list[str]
    published_at: datetime.datetime
    sectors: list[str]
    title: str
    valid_from: datetime.date
    valid_until: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.agency_brief_out import AgencyBriefOut # noqa: PLC0415
        agency = self.agency.to_dict()

        body = self.body

        id = self.id

        kind = self.kind.value

        provinces = self.provinces



        published_at = self.published_at.isoformat()

        sectors = self.sectors



        title = self.title

        valid_from = self.valid_from.isoformat()

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "agency": agency,
            "body": body,
            "id": id,
            "kind": kind,
            "provinces": provinces,
            "published_at": published_at,
            "sectors": sectors,
            "title": title,
            "valid_from": valid_from,
        })
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agency_brief_out import AgencyBriefOut # noqa: PLC0415
        d = dict(src_dict)
        agency = AgencyBriefOut.from_dict(d.pop("agency"))




        body = d.pop("body")

        id = d.pop("id")

        kind = GuidanceKindEnum(d.pop("kind"))




        provinces = cast(list[str], d.pop("provinces"))


        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))




        sectors = cast(list[str], d.pop("sectors"))


        title = d.pop("title")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))




        def _parse_valid_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)



                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))


        guidance_out = cls(
            agency=agency,
            body=body,
            id=id,
            kind=kind,
            provinces=provinces,
            published_at=published_at,
            sectors=sectors,
            title=title,
            valid_from=valid_from,
            valid_until=valid_until,
        )


        guidance_out.additional_properties = d
        return guidance_out

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
