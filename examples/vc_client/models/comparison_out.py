from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.cluster_row_out import ClusterRowOut
  from ..models.region_row_out import RegionRowOut
  from ..models.run_out import RunOut





T = TypeVar("T", bound="ComparisonOut")



@_attrs_define
class ComparisonOut:
    """ 
        Attributes:
            clusters (list[ClusterRowOut]):
            regions (list[RegionRowOut]):
            run (RunOut):
     """

    clusters: list[ClusterRowOut]
    regions: list[RegionRowOut]
    run: RunOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cluster_row_out import ClusterRowOut # noqa: PLC0415
        from ..models.region_row_out import RegionRowOut # noqa: PLC0415
        from ..models.run_out import RunOut # noqa: PLC0415
        clusters = []
        for clusters_item_data in self.clusters:
            clusters_item = clusters_item_data.to_dict()
            clusters.append(clusters_item)



        regions = []
        for regions_item_data in self.regions:
            regions_item = regions_item_data.to_dict()
            regions.append(regions_item)



        run = self.run.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "clusters": clusters,
            "regions": regions,
            "run": run,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cluster_row_out import ClusterRowOut # noqa: PLC0415
        from ..models.region_row_out import RegionRowOut # noqa: PLC0415
        from ..models.run_out import RunOut # noqa: PLC0415
        d = dict(src_dict)
        clusters = []
        _clusters = d.pop("clusters")
        for clusters_item_data in (_clusters):
            clusters_item = ClusterRowOut.from_dict(clusters_item_data)



            clusters.append(clusters_item)


        regions = []
        _regions = d.pop("regions")
        for regions_item_data in (_regions):
            regions_item = RegionRowOut.from_dict(regions_item_data)



            regions.append(regions_item)


        run = RunOut.from_dict(d.pop("run"))




        comparison_out = cls(
            clusters=clusters,
            regions=regions,
            run=run,
        )


        comparison_out.additional_properties = d
        return comparison_out

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
