from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.access_level_enum import AccessLevelEnum
from ..models.asset_kind_enum import AssetKindEnum
from ..models.asset_status_enum import AssetStatusEnum
from ..models.licence_enum import LicenceEnum
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="AssetListOut")



@_attrs_define
class AssetListOut:
    """ 
        Attributes:
            id (int):
            snippet (str):
            title (str):
            access_level (AccessLevelEnum | Unset): * `public` - Public
                * `clusters` - Members of chosen clusters
                * `firms` - Named firms
                * `contributors` - Contributors of chosen clusters
                * `private` - Private (owners only)
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
            published_at (datetime.datetime | None | Unset): Published
            status (AssetStatusEnum | Unset): * `draft` - Draft
                * `pending` - Waiting for review
                * `published` - Published
                * `changes_requested` - Changes requested
                * `rejected` - Rejected
                * `taken_down` - Taken down
            summary_en (str | Unset): English summary
            summary_zh (str | Unset): Chinese summary
            title_en (str | Unset): English title
            title_zh (str | Unset): Chinese title
     """

    id: int
    snippet: str
    title: str
    access_level: AccessLevelEnum | Unset = UNSET
    kind: AssetKindEnum | Unset = UNSET
    licence: LicenceEnum | Unset = UNSET
    published_at: datetime.datetime | None | Unset = UNSET
    status: AssetStatusEnum | Unset = UNSET
    summary_en: str | Unset = UNSET
    summary_zh: str | Unset = UNSET
    title_en: str | Unset = UNSET
    title_zh: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        snippet = self.snippet

        title = self.title

        access_level: str | Unset = UNSET
        if not isinstance(self.access_level, Unset):
            access_level = self.access_level.value


        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        licence: str | Unset = UNSET
        if not isinstance(self.licence, Unset):
            licence = self.licence.value


        published_at: None | str | Unset
        if isinstance(self.published_at, Unset):
            published_at = UNSET
        elif isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        summary_en = self.summary_en

        summary_zh = self.summary_zh

        title_en = self.title_en

        title_zh = self.title_zh


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "snippet": snippet,
            "title": title,
        })
        if access_level is not UNSET:
            field_dict["access_level"] = access_level
        if kind is not UNSET:
            field_dict["kind"] = kind
        if licence is not UNSET:
            field_dict["licence"] = licence
        if published_at is not UNSET:
            field_dict["published_at"] = published_at
        if status is not UNSET:
            field_dict["status"] = status
        if summary_en is not UNSET:
            field_dict["summary_en"] = summary_en
        if summary_zh is not UNSET:
            field_dict["summary_zh"] = summary_zh
        if title_en is not UNSET:
            field_dict["title_en"] = title_en
        if title_zh is not UNSET:
            field_dict["title_zh"] = title_zh

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        snippet = d.pop("snippet")

        title = d.pop("title")

        _access_level = d.pop("access_level", UNSET)
        access_level: AccessLevelEnum | Unset
        if isinstance(_access_level,  Unset):
            access_level = UNSET
        else:
            access_level = AccessLevelEnum(_access_level)




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




        def _parse_published_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)



                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        published_at = _parse_published_at(d.pop("published_at", UNSET))


        _status = d.pop("status", UNSET)
        status: AssetStatusEnum | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = AssetStatusEnum(_status)




        summary_en = d.pop("summary_en", UNSET)

        summary_zh = d.pop("summary_zh", UNSET)

        title_en = d.pop("title_en", UNSET)

        title_zh = d.pop("title_zh", UNSET)

        asset_list_out = cls(
            id=id,
            snippet=snippet,
            title=title,
            access_level=access_level,
            kind=kind,
            licence=licence,
            published_at=published_at,
            status=status,
            summary_en=summary_en,
            summary_zh=summary_zh,
            title_en=title_en,
            title_zh=title_zh,
        )


        asset_list_out.additional_properties = d
        return asset_list_out

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
