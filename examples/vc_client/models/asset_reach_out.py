from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.asset_reach_out_asset import AssetReachOutAsset
  from ..models.kind_count_out import KindCountOut
  from ..models.run_out import RunOut





T = TypeVar("T", bound="AssetReachOut")



@_attrs_define
class AssetReachOut:
    """ 
        Attributes:
            asset (AssetReachOutAsset):
            breadth (int):
            by_kind (list[KindCountOut]):
            descendants (int):
            generality_cluster (float):
            generality_province (float):
            generality_sector (float):
            pagerank (float):
            run (RunOut):
            uses (float):
     """

    asset: AssetReachOutAsset
    breadth: int
    by_kind: list[KindCountOut]
    descendants: int
    generality_cluster: float
    generality_province: float
    generality_sector: float
    pagerank: float
    run: RunOut
    uses: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.asset_reach_out_asset import AssetReachOutAsset # noqa: PLC0415
        from ..models.kind_count_out import KindCountOut # noqa: PLC0415
        from ..models.run_out import RunOut # noqa: PLC0415
        asset = self.asset.to_dict()

        breadth = self.breadth

        by_kind = []
        for by_kind_item_data in self.by_kind:
            by_kind_item = by_kind_item_data.to_dict()
            by_kind.append(by_kind_item)



        descendants = self.descendants

        generality_cluster = self.generality_cluster

        generality_province = self.generality_province

        generality_sector = self.generality_sector

        pagerank = self.pagerank

        run = self.run.to_dict()

        uses = self.uses


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asset": asset,
            "breadth": breadth,
            "by_kind": by_kind,
            "descendants": descendants,
            "generality_cluster": generality_cluster,
            "generality_province": generality_province,
            "generality_sector": generality_sector,
            "pagerank": pagerank,
            "run": run,
            "uses": uses,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.asset_reach_out_asset import AssetReachOutAsset # noqa: PLC0415
        from ..models.kind_count_out import KindCountOut # noqa: PLC0415
        from ..models.run_out import RunOut # noqa: PLC0415
        d = dict(src_dict)
        asset = AssetReachOutAsset.from_dict(d.pop("asset"))




        breadth = d.pop("breadth")

        by_kind = []
        _by_kind = d.pop("by_kind")
        for by_kind_item_data in (_by_kind):
            by_kind_item = KindCountOut.from_dict(by_kind_item_data)



            by_kind.append(by_kind_item)


        descendants = d.pop("descendants")

        generality_cluster = d.pop("generality_cluster")

        generality_province = d.pop("generality_province")

        generality_sector = d.pop("generality_sector")

        pagerank = d.pop("pagerank")

        run = RunOut.from_dict(d.pop("run"))




        uses = d.pop("uses")

        asset_reach_out = cls(
            asset=asset,
            breadth=breadth,
            by_kind=by_kind,
            descendants=descendants,
            generality_cluster=generality_cluster,
            generality_province=generality_province,
            generality_sector=generality_sector,
            pagerank=pagerank,
            run=run,
            uses=uses,
        )


        asset_reach_out.additional_properties = d
        return asset_reach_out

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
