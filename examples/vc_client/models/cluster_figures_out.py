from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.cluster_figures_out_cluster import ClusterFiguresOutCluster
  from ..models.edge_out import EdgeOut
  from ..models.node_out import NodeOut
  from ..models.province_flow_out import ProvinceFlowOut
  from ..models.run_out import RunOut





T = TypeVar("T", bound="ClusterFiguresOut")



@_attrs_define
class ClusterFiguresOut:
    """ 
        Attributes:
            cluster (ClusterFiguresOutCluster):
            cross_province (float):
            csi (float):
            edges (list[EdgeOut]):
            ei (float):
            external (float):
            internal (float):
            members (int):
            months (list[str]):
            named (bool): whether other members are named for this caller
            nodes (list[NodeOut]):
            pool (float):
            provinces (list[ProvinceFlowOut]):
            realisation (float):
            run (RunOut):
            series (list[float]):
            stock (float):
     """

    cluster: ClusterFiguresOutCluster
    cross_province: float
    csi: float
    edges: list[EdgeOut]
    ei: float
    external: float
    internal: float
    members: int
    months: list[str]
    named: bool
    nodes: list[NodeOut]
    pool: float
    provinces: list[ProvinceFlowOut]
    realisation: float
    run: RunOut
    series: list[float]
    stock: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cluster_figures_out_cluster import ClusterFiguresOutCluster # noqa: PLC0415
        from ..models.edge_out import EdgeOut # noqa: PLC0415
        from ..models.node_out import NodeOut # noqa: PLC0415
        from ..models.province_flow_out import ProvinceFlowOut # noqa: PLC0415
        from ..models.run_out import RunOut # noqa: PLC0415
        cluster = self.cluster.to_dict()

        cross_province = self.cross_province

        csi = self.csi

        edges = []
        for edges_item_data in self.edges:
            edges_item = edges_item_data.to_dict()
            edges.append(edges_item)



        ei = self.ei

        external = self.external

        internal = self.internal

        members = self.members

        months = self.months



        named = self.named

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)



        pool = self.pool

        provinces = []
        for provinces_item_data in self.provinces:
            provinces_item = provinces_item_data.to_dict()
            provinces.append(provinces_item)



        realisation = self.realisation

        run = self.run.to_dict()

        series = self.series



        stock = self.stock


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cluster": cluster,
            "cross_province": cross_province,
            "csi": csi,
            "edges": edges,
            "ei": ei,
            "external": external,
            "internal": internal,
            "members": members,
            "months": months,
            "named": named,
            "nodes": nodes,
            "pool": pool,
            "provinces": provinces,
            "realisation": realisation,
            "run": run,
            "series": series,
            "stock": stock,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cluster_figures_out_cluster import ClusterFiguresOutCluster # noqa: PLC0415
        from ..models.edge_out import EdgeOut # noqa: PLC0415
        from ..models.node_out import NodeOut # noqa: PLC0415
        from ..models.province_flow_out import ProvinceFlowOut # noqa: PLC0415
        from ..models.run_out import RunOut # noqa: PLC0415
        d = dict(src_dict)
        cluster = ClusterFiguresOutCluster.from_dict(d.pop("cluster"))




        cross_province = d.pop("cross_province")

        csi = d.pop("csi")

        edges = []
        _edges = d.pop("edges")
        for edges_item_data in (_edges):
            edges_item = EdgeOut.from_dict(edges_item_data)



            edges.append(edges_item)


        ei = d.pop("ei")

        external = d.pop("external")

        internal = d.pop("internal")

        members = d.pop("members")

        months = cast(list[str], d.pop("months"))


        named = d.pop("named")

        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in (_nodes):
            nodes_item = NodeOut.from_dict(nodes_item_data)



            nodes.append(nodes_item)


        pool = d.pop("pool")

        provinces = []
        _provinces = d.pop("provinces")
        for provinces_item_data in (_provinces):
            provinces_item = ProvinceFlowOut.from_dict(provinces_item_data)



            provinces.append(provinces_item)


        realisation = d.pop("realisation")

        run = RunOut.from_dict(d.pop("run"))




        series = cast(list[float], d.pop("series"))


        stock = d.pop("stock")

        cluster_figures_out = cls(
            cluster=cluster,
            cross_province=cross_province,
            csi=csi,
            edges=edges,
            ei=ei,
            external=external,
            internal=internal,
            members=members,
            months=months,
            named=named,
            nodes=nodes,
            pool=pool,
            provinces=provinces,
            realisation=realisation,
            run=run,
            series=series,
            stock=stock,
        )


        cluster_figures_out.additional_properties = d
        return cluster_figures_out

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
