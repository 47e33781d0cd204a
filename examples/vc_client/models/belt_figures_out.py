from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.belt_cluster_out import BeltClusterOut
  from ..models.belt_figures_out_growth import BeltFiguresOutGrowth
  from ..models.belt_figures_out_share_series import BeltFiguresOutShareSeries





T = TypeVar("T", bound="BeltFiguresOut")



@_attrs_define
class BeltFiguresOut:
    """ 
        Attributes:
            assets (int | None):
            clusters (list[BeltClusterOut]): Approved clusters with at least k members from the belt.
            growth (BeltFiguresOutGrowth): Per period: 'earlier', then YYYY-MM.
            members (int | None): Confirmed member firms; null where the figure would describe fewer than k firms (or could
                be recovered from other figures).
            projects (int | None):
            share_other_belts (float | None): Share of the members' use of others' assets owned in other belts.
            share_other_provinces (float | None): Share of the members' use of others' assets owned in other provinces.
            share_series (BeltFiguresOutShareSeries): Per month.
            use_events (int | None):
     """

    assets: int | None
    clusters: list[BeltClusterOut]
    growth: BeltFiguresOutGrowth
    members: int | None
    projects: int | None
    share_other_belts: float | None
    share_other_provinces: float | None
    share_series: BeltFiguresOutShareSeries
    use_events: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.belt_cluster_out import BeltClusterOut # noqa: PLC0415
        from ..models.belt_figures_out_growth import BeltFiguresOutGrowth # noqa: PLC0415
        from ..models.belt_figures_out_share_series import BeltFiguresOutShareSeries # noqa: PLC0415
        assets: int | None
        assets = self.assets

        clusters = []
        for clusters_item_data in self.clusters:
            clusters_item = clusters_item_data.to_dict()
            clusters.append(clusters_item)



        growth = self.growth.to_dict()

        members: int | None
        members = self.members

        projects: int | None
        projects = self.projects

        share_other_belts: float | None
        share_other_belts = self.share_other_belts

        share_other_provinces: float | None
        share_other_provinces = self.share_other_provinces

        share_series = self.share_series.to_dict()

        use_events: int | None
        use_events = self.use_events


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "assets": assets,
            "clusters": clusters,
            "growth": growth,
            "members": members,
            "projects": projects,
            "share_other_belts": share_other_belts,
            "share_other_provinces": share_other_provinces,
            "share_series": share_series,
            "use_events": use_events,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.belt_cluster_out import BeltClusterOut # noqa: PLC0415
        from ..models.belt_figures_out_growth import BeltFiguresOutGrowth # noqa: PLC0415
        from ..models.belt_figures_out_share_series import BeltFiguresOutShareSeries # noqa: PLC0415
        d = dict(src_dict)
        def _parse_assets(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        assets = _parse_assets(d.pop("assets"))


        clusters = []
        _clusters = d.pop("clusters")
        for clusters_item_data in (_clusters):
            clusters_item = BeltClusterOut.from_dict(clusters_item_data)



            clusters.append(clusters_item)


        growth = BeltFiguresOutGrowth.from_dict(d.pop("growth"))




        def _parse_members(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        members = _parse_members(d.pop("members"))


        def _parse_projects(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        projects = _parse_projects(d.pop("projects"))


        def _parse_share_other_belts(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        share_other_belts = _parse_share_other_belts(d.pop("share_other_belts"))


        def _parse_share_other_provinces(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        share_other_provinces = _parse_share_other_provinces(d.pop("share_other_provinces"))


        share_series = BeltFiguresOutShareSeries.from_dict(d.pop("share_series"))




        def _parse_use_events(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        use_events = _parse_use_events(d.pop("use_events"))


        belt_figures_out = cls(
            assets=assets,
            clusters=clusters,
            growth=growth,
            members=members,
            projects=projects,
            share_other_belts=share_other_belts,
            share_other_provinces=share_other_provinces,
            share_series=share_series,
            use_events=use_events,
        )


        belt_figures_out.additional_properties = d
        return belt_figures_out

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
