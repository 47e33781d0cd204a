from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ProgressOut")



@_attrs_define
class ProgressOut:
    """ 
        Attributes:
            assets_shared (int):
            cluster (int):
            cluster_name (str):
            eligible (bool):
            min_assets (int):
            min_outflow (float):
            next_step (str):
            outflow (float):
            rule (str):
            window_days (int):
     """

    assets_shared: int
    cluster: int
    cluster_name: str
    eligible: bool
    min_assets: int
    min_outflow: float
    next_step: str
    outflow: float
    rule: str
    window_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        assets_shared = self.assets_shared

        cluster = self.cluster

        cluster_name = self.cluster_name

        eligible = self.eligible

        min_assets = self.min_assets

        min_outflow = self.min_outflow

        next_step = self.next_step

        outflow = self.outflow

        rule = self.rule

        window_days = self.window_days


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "assets_shared": assets_shared,
            "cluster": cluster,
            "cluster_name": cluster_name,
            "eligible": eligible,
            "min_assets": min_assets,
            "min_outflow": min_outflow,
            "next_step": next_step,
            "outflow": outflow,
            "rule": rule,
            "window_days": window_days,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assets_shared = d.pop("assets_shared")

        cluster = d.pop("cluster")

        cluster_name = d.pop("cluster_name")

        eligible = d.pop("eligible")

        min_assets = d.pop("min_assets")

        min_outflow = d.pop("min_outflow")

        next_step = d.pop("next_step")

        outflow = d.pop("outflow")

        rule = d.pop("rule")

        window_days = d.pop("window_days")

        progress_out = cls(
            assets_shared=assets_shared,
            cluster=cluster,
            cluster_name=cluster_name,
            eligible=eligible,
            min_assets=min_assets,
            min_outflow=min_outflow,
            next_step=next_step,
            outflow=outflow,
            rule=rule,
            window_days=window_days,
        )


        progress_out.additional_properties = d
        return progress_out

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
