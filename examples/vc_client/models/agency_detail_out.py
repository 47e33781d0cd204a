from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.agency_kind_enum import AgencyKindEnum
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.endorsement_out import EndorsementOut
  from ..models.region_out import RegionOut





T = TypeVar("T", bound="AgencyDetailOut")



@_attrs_define
class AgencyDetailOut:
    """ A verified agency as the public sees it: never its people, who registered or decided it, or e-mails.

        Attributes:
            active_endorsements (list[EndorsementOut]):
            endorsements (int): Number of clusters the agency endorses now.
            id (int):
            kind (AgencyKindEnum): * `park` - Industrial park administration
                * `county` - County bureau of industry and information technology
                * `city` - City bureau of industry and information technology
                * `province` - Provincial department of industry and information technology
                * `ministry` - National ministry
            name_zh (str): Chinese name
            regions (list[RegionOut]):
            name_en (str | Unset): English name
            national (bool | Unset): National jurisdiction
     """

    active_endorsements: list[EndorsementOut]
    endorsements: int
    id: int
    kind: AgencyKindEnum
    name_zh: str
    regions: list[RegionOut]
    name_en: str | Unset = UNSET
    national: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.endorsement_out import EndorsementOut # noqa: PLC0415
        from ..models.region_out import RegionOut # noqa: PLC0415
        active_endorsements = []
        for active_endorsements_item_data in self.active_endorsements:
            active_endorsements_item = active_endorsements_item_data.to_dict()
            active_endorsements.append(active_endorsements_item)



        endorsements = self.endorsements

        id = self.id

        kind = self.kind.value

        name_zh = self.name_zh

        regions = []
        for regions_item_data in self.regions:
            regions_item = regions_item_data.to_dict()
            regions.append(regions_item)



        name_en = self.name_en

        national = self.national


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active_endorsements": active_endorsements,
            "endorsements": endorsements,
            "id": id,
            "kind": kind,
            "name_zh": name_zh,
            "regions": regions,
        })
        if name_en is not UNSET:
            field_dict["name_en"] = name_en
        if national is not UNSET:
            field_dict["national"] = national

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.endorsement_out import EndorsementOut # noqa: PLC0415
        from ..models.region_out import RegionOut # noqa: PLC0415
        d = dict(src_dict)
        active_endorsements = []
        _active_endorsements = d.pop("active_endorsements")
        for active_endorsements_item_data in (_active_endorsements):
            active_endorsements_item = EndorsementOut.from_dict(active_endorsements_item_data)



            active_endorsements.append(active_endorsements_item)


        endorsements = d.pop("endorsements")

        id = d.pop("id")

        kind = AgencyKindEnum(d.pop("kind"))




        name_zh = d.pop("name_zh")

        regions = []
        _regions = d.pop("regions")
        for regions_item_data in (_regions):
            regions_item = RegionOut.from_dict(regions_item_data)



            regions.append(regions_item)


        name_en = d.pop("name_en", UNSET)

        national = d.pop("national", UNSET)

        agency_detail_out = cls(
            active_endorsements=active_endorsements,
            endorsements=endorsements,
            id=id,
            kind=kind,
            name_zh=name_zh,
            regions=regions,
            name_en=name_en,
            national=national,
        )


        agency_detail_out.additional_properties = d
        return agency_detail_out

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
