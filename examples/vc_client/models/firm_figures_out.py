from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.firm_figures_out_firm import FirmFiguresOutFirm
  from ..models.named_value_out import NamedValueOut
  from ..models.run_out import RunOut





T = TypeVar("T", bound="FirmFiguresOut")



@_attrs_define
class FirmFiguresOut:
    """ 
        Attributes:
            absorption (float):
            firm (FirmFiguresOutFirm):
            inflow (float):
            months (list[str]):
            net (float):
            outflow (float):
            pool (float):
            pool_mahalanobis (float):
            run (RunOut):
            series_in (list[float]):
            series_out (list[float]):
            stock (float):
            top_absorbers (list[NamedValueOut]):
            top_sources (list[NamedValueOut]):
     """

    absorption: float
    firm: FirmFiguresOutFirm
    inflow: float
    months: list[str]
    net: float
    outflow: float
    pool: float
    pool_mahalanobis: float
    run: RunOut
    series_in: list[float]
    series_out: list[float]
    stock: float
    top_absorbers: list[NamedValueOut]
    top_sources: list[NamedValueOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.firm_figures_out_firm import FirmFiguresOutFirm # noqa: PLC0415
        from ..models.named_value_out import NamedValueOut # noqa: PLC0415
        from ..models.run_out import RunOut # noqa: PLC0415
        absorption = self.absorption

        firm = self.firm.to_dict()

        inflow = self.inflow

        months = self.months



        net = self.net

        outflow = self.outflow

        pool = self.pool

        pool_mahalanobis = self.pool_mahalanobis

        run = self.run.to_dict()

        series_in = self.series_in



        series_out = self.series_out



        stock = self.stock

        top_absorbers = []
        for top_absorbers_item_data in self.top_absorbers:
            top_absorbers_item = top_absorbers_item_data.to_dict()
            top_absorbers.append(top_absorbers_item)



        top_sources = []
        for top_sources_item_data in self.top_sources:
            top_sources_item = top_sources_item_data.to_dict()
            top_sources.append(top_sources_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "absorption": absorption,
            "firm": firm,
            "inflow": inflow,
            "months": months,
            "net": net,
            "outflow": outflow,
            "pool": pool,
            "pool_mahalanobis": pool_mahalanobis,
            "run": run,
            "series_in": series_in,
            "series_out": series_out,
            "stock": stock,
            "top_absorbers": top_absorbers,
            "top_sources": top_sources,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.firm_figures_out_firm import FirmFiguresOutFirm # noqa: PLC0415
        from ..models.named_value_out import NamedValueOut # noqa: PLC0415
        from ..models.run_out import RunOut # noqa: PLC0415
        d = dict(src_dict)
        absorption = d.pop("absorption")

        firm = FirmFiguresOutFirm.from_dict(d.pop("firm"))




        inflow = d.pop("inflow")

        months = cast(list[str], d.pop("months"))


        net = d.pop("net")

        outflow = d.pop("outflow")

        pool = d.pop("pool")

        pool_mahalanobis = d.pop("pool_mahalanobis")

        run = RunOut.from_dict(d.pop("run"))




        series_in = cast(list[float], d.pop("series_in"))


        series_out = cast(list[float], d.pop("series_out"))


        stock = d.pop("stock")

        top_absorbers = []
        _top_absorbers = d.pop("top_absorbers")
        for top_absorbers_item_data in (_top_absorbers):
            top_absorbers_item = NamedValueOut.from_dict(top_absorbers_item_data)



            top_absorbers.append(top_absorbers_item)


        top_sources = []
        _top_sources = d.pop("top_sources")
        for top_sources_item_data in (_top_sources):
            top_sources_item = NamedValueOut.from_dict(top_sources_item_data)



            top_sources.append(top_sources_item)


        firm_figures_out = cls(
            absorption=absorption,
            firm=firm,
            inflow=inflow,
            months=months,
            net=net,
            outflow=outflow,
            pool=pool,
            pool_mahalanobis=pool_mahalanobis,
            run=run,
            series_in=series_in,
            series_out=series_out,
            stock=stock,
            top_absorbers=top_absorbers,
            top_sources=top_sources,
        )


        firm_figures_out.additional_properties = d
        return firm_figures_out

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
