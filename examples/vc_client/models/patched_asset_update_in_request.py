from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.access_level_enum import AccessLevelEnum
from ..models.asset_kind_enum import AssetKindEnum
from ..models.licence_enum import LicenceEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PatchedAssetUpdateInRequest")



@_attrs_define
class PatchedAssetUpdateInRequest:
    """ 
        Attributes:
            access_clusters (list[int] | Unset):
            access_firms (list[int] | Unset):
            access_level (AccessLevelEnum | Unset): * `public` - Public
                * `clusters` - Members of chosen clusters
                * `firms` - Named firms
                * `contributors` - Contributors of chosen clusters
                * `private` - Private (owners only)
            body (str | Unset):
            categories (list[str] | Unset):
            creation_cost (None | str | Unset):
            kind (AssetKindEnum | Unset): * `document` - Document
                * `design` - Design
                * `patent` - Patent
                * `know_how` - Process know-how
                * `dataset` - Data set
            licence (LicenceEnum | Unset): * `cc0` - CC0 (public domain dedication)
                * `cc_by` - CC BY
                * `cc_by_sa` - CC BY-SA
                * `cc_by_nc` - CC BY-NC
                * `cc_by_nd` - CC BY-ND
                * `cc_by_nc_sa` - CC BY-NC-SA
                * `cc_by_nc_nd` - CC BY-NC-ND
                * `proprietary` - Proprietary, on the stated terms
                * `patent` - Patent licence
            licence_terms (str | Unset):
            summary_en (str | Unset):
            summary_zh (str | Unset):
            tags (list[str] | Unset):
            title_en (str | Unset):
            title_zh (str | Unset):
     """

    access_clusters: list[int] | Unset = UNSET
    access_firms: list[int] | Unset = UNSET
    access_level: AccessLevelEnum | Unset = UNSET
    body: str | Unset = UNSET
    categories: list[str] | Unset = UNSET
    creation_cost: None | str | Unset = UNSET
    kind: AssetKindEnum | Unset = UNSET
    licence: LicenceEnum | Unset = UNSET
    licence_terms: str | Unset = UNSET
    summary_en: str | Unset = UNSET
    summary_zh: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    title_en: str | Unset = UNSET
    title_zh: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        access_clusters: list[int] | Unset = UNSET
        if not isinstance(self.access_clusters, Unset):
            access_clusters = self.access_clusters



        access_firms: list[int] | Unset = UNSET
        if not isinstance(self.access_firms, Unset):
            access_firms = self.access_firms



        access_level: str | Unset = UNSET
        if not isinstance(self.access_level, Unset):
            access_level = self.access_level.value


        body = self.body

        categories: list[str] | Unset = UNSET
        if not isinstance(self.categories, Unset):
            categories = self.categories



        creation_cost: None | str | Unset
        if isinstance(self.creation_cost, Unset):
            creation_cost = UNSET
        else:
            creation_cost = self.creation_cost

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        licence: str | Unset = UNSET
        if not isinstance(self.licence, Unset):
            licence = self.licence.value


        licence_terms = self.licence_terms

        summary_en = self.summary_en

        summary_zh = self.summary_zh

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        title_en = self.title_en

        title_zh = self.title_zh


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if access_clusters is not UNSET:
            field_dict["access_clusters"] = access_clusters
        if access_firms is not UNSET:
            field_dict["access_firms"] = access_firms
        if access_level is not UNSET:
            field_dict["access_level"] = access_level
        if body is not UNSET:
            field_dict["body"] = body
        if categories is not UNSET:
            field_dict["categories"] = categories
        if creation_cost is not UNSET:
            field_dict["creation_cost"] = creation_cost
        if kind is not UNSET:
            field_dict["kind"] = kind
        if licence is not UNSET:
            field_dict["licence"] = licence
        if licence_terms is not UNSET:
            field_dict["licence_terms"] = licence_terms
        if summary_en is not UNSET:
            field_dict["summary_en"] = summary_en
        if summary_zh is not UNSET:
            field_dict["summary_zh"] = summary_zh
        if tags is not UNSET:
            field_dict["tags"] = tags
        if title_en is not UNSET:
            field_dict["title_en"] = title_en
        if title_zh is not UNSET:
            field_dict["title_zh"] = title_zh

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_clusters = cast(list[int], d.pop("access_clusters", UNSET))


        access_firms = cast(list[int], d.pop("access_firms", UNSET))


        _access_level = d.pop("access_level", UNSET)
        access_level: AccessLevelEnum | Unset
        if isinstance(_access_level,  Unset):
            access_level = UNSET
        else:
            access_level = AccessLevelEnum(_access_level)




        body = d.pop("body", UNSET)

        categories = cast(list[str], d.pop("categories", UNSET))


        def _parse_creation_cost(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        creation_cost = _parse_creation_cost(d.pop("creation_cost", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: AssetKindEnum | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = AssetKindEnum(_kind)




        _licence = d.pop("licence", UNSET)
        licence: LicenceEnum | Unset
        if isinstance(_licence,  Unset):
            licence = UNSET
        else:
            licence = LicenceEnum(_licence)




        licence_terms = d.pop("licence_terms", UNSET)

        summary_en = d.pop("summary_en", UNSET)

        summary_zh = d.pop("summary_zh", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))


        title_en = d.pop("title_en", UNSET)

        title_zh = d.pop("title_zh", UNSET)

        patched_asset_update_in_request = cls(
            access_clusters=access_clusters,
            access_firms=access_firms,
            access_level=access_level,
            body=body,
            categories=categories,
            creation_cost=creation_cost,
            kind=kind,
            licence=licence,
            licence_terms=licence_terms,
            summary_en=summary_en,
            summary_zh=summary_zh,
            tags=tags,
            title_en=title_en,
            title_zh=title_zh,
        )


        patched_asset_update_in_request.additional_properties = d
        return patched_asset_update_in_request

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
