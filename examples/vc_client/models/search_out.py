from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.asset_list_out import AssetListOut
  from ..models.search_out_facets import SearchOutFacets





T = TypeVar("T", bound="SearchOut")



@_attrs_define
class SearchOut:
    """ 
        Attributes:
            count (int):
            count_is_lower_bound (bool): True when more assets match than are ranked (settings.ASSET_SEARCH_CANDIDATES).
            facets (SearchOutFacets):
            results (list[AssetListOut]):
     """

    count: int
    count_is_lower_bound: bool
    facets: SearchOutFacets
    results: list[AssetListOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.asset_list_out import AssetListOut # noqa: PLC0415
        from ..models.search_out_facets import SearchOutFacets # noqa: PLC0415
        count = self.count

        count_is_lower_bound = self.count_is_lower_bound

        facets = self.facets.to_dict()

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "count": count,
            "count_is_lower_bound": count_is_lower_bound,
            "facets": facets,
            "results": results,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.asset_list_out import AssetListOut # noqa: PLC0415
        from ..models.search_out_facets import SearchOutFacets # noqa: PLC0415
        d = dict(src_dict)
        count = d.pop("count")

        count_is_lower_bound = d.pop("count_is_lower_bound")

        facets = SearchOutFacets.from_dict(d.pop("facets"))




        results = []
        _results = d.pop("results")
        for results_item_data in (_results):
            results_item = AssetListOut.from_dict(results_item_data)



            results.append(results_item)


        search_out = cls(
            count=count,
            count_is_lower_bound=count_is_lower_bound,
            facets=facets,
            results=results,
        )


        search_out.additional_properties = d
        return search_out

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
