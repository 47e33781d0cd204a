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

if TYPE_CHECKING:
  from ..models.ownership_out import OwnershipOut
  from ..models.version_out import VersionOut





T = TypeVar("T", bound="AssetOut")



@_attrs_define
class AssetOut:
    """ 
        Attributes:
            access_clusters (list[int]):
            categories (list[str]):
            created_at (datetime.datetime): Created
            id (int):
            owners (list[OwnershipOut]):
            pending_owners (list[OwnershipOut]): Firms asked to co-own the asset that have not accepted yet (shown to its
                owners only); they count nowhere until they accept.
            tags (list[str]):
            title (str):
            versions (list[VersionOut]):
            access_level (AccessLevelEnum | Unset): * `public` - Public
                * `clusters` - Members of chosen clusters
                * `firms` - Named firms
                * `contributors` - Contributors of chosen clusters
                * `private` - Private (owners only)
            body (str | Unset): Body (Markdown)
            creation_cost (None | str | Unset): Cost of creation (CNY)
            embargo_until (datetime.datetime | None | Unset): Until then its description shows but its content and files do
                not (knowledge.embargo).
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

    access_clusters: list[int]
    categories: list[str]
    created_at: datetime.datetime
    id: int
    owners: list[OwnershipOut]
    pending_owners: list[OwnershipOut]
    tags: list[str]
    title: str
    versions: list[VersionOut]
    access_level: AccessLevelEnum | Unset = UNSET
    body: str | Unset = UNSET
    creation_cost: None | str | Unset = UNSET
    embargo_until: datetime.datetime | None | Unset = UNSET
    kind: AssetKindEnum | Unset = UNSET
    licence: LicenceEnum | Unset = UNSET
    licence_terms: str | Unset = UNSET
    published_at: datetime.datetime | None | Unset = UNSET
    status: AssetStatusEnum | Unset = UNSET
    summary_en: str | Unset = UNSET
    summary_zh: str | Unset = UNSET
    title_en: str | Unset = UNSET
    title_zh: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ownership_out import OwnershipOut # noqa: PLC0415
        from ..models.version_out import VersionOut # noqa: PLC0415
        access_clusters = self.access_clusters



        categories = self.categories



        created_at = self.created_at.isoformat()

        id = self.id

        owners = []
        for owners_item_data in self.owners:
            owners_item = owners_item_data.to_dict()
            owners.append(owners_item)



        pending_owners = []
        for pending_owners_item_data in self.pending_owners:
            pending_owners_item = pending_owners_item_data.to_dict()
            pending_owners.append(pending_owners_item)



        tags = self.tags



        title = self.title

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)



        access_level: str | Unset = UNSET
        if not isinstance(self.access_level, Unset):
            access_level = self.access_level.value


        body = self.body

        creation_cost: None | str | Unset
        if isinstance(self.creation_cost, Unset):
            creation_cost = UNSET
        else:
            creation_cost = self.creation_cost

        embargo_until: None | str | Unset
        if isinstance(self.embargo_until, Unset):
            embargo_until = UNSET
        elif isinstance(self.embargo_until, datetime.datetime):
            embargo_until = self.embargo_until.isoformat()
        else:
            embargo_until = self.embargo_until

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        licence: str | Unset = UNSET
        if not isinstance(self.licence, Unset):
            licence = self.licence.value


        licence_terms = self.licence_terms

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
            "access_clusters": access_clusters,
            "categories": categories,
            "created_at": created_at,
            "id": id,
            "owners": owners,
            "pending_owners": pending_owners,
            "tags": tags,
            "title": title,
            "versions": versions,
        })
        if access_level is not UNSET:
            field_dict["access_level"] = access_level
        if body is not UNSET:
            field_dict["body"] = body
        if creation_cost is not UNSET:
            field_dict["creation_cost"] = creation_cost
        if embargo_until is not UNSET:
            field_dict["embargo_until"] = embargo_until
        if kind is not UNSET:
            field_dict["kind"] = kind
        if licence is not UNSET:
            field_dict["licence"] = licence
        if licence_terms is not UNSET:
            field_dict["licence_terms"] = licence_terms
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
        from ..models.ownership_out import OwnershipOut # noqa: PLC0415
        from ..models.version_out import VersionOut # noqa: PLC0415
        d = dict(src_dict)
        access_clusters = cast(list[int], d.pop("access_clusters"))


        categories = cast(list[str], d.pop("categories"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        owners = []
        _owners = d.pop("owners")
        for owners_item_data in (_owners):
            owners_item = OwnershipOut.from_dict(owners_item_data)



            owners.append(owners_item)


        pending_owners = []
        _pending_owners = d.pop("pending_owners")
        for pending_owners_item_data in (_pending_owners):
            pending_owners_item = OwnershipOut.from_dict(pending_owners_item_data)



            pending_owners.append(pending_owners_item)


        tags = cast(list[str], d.pop("tags"))


        title = d.pop("title")

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in (_versions):
            versions_item = VersionOut.from_dict(versions_item_data)



            versions.append(versions_item)


        _access_level = d.pop("access_level", UNSET)
        access_level: AccessLevelEnum | Unset
        if isinstance(_access_level,  Unset):
            access_level = UNSET
        else:
            access_level = AccessLevelEnum(_access_level)




        body = d.pop("body", UNSET)

        def _parse_creation_cost(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        creation_cost = _parse_creation_cost(d.pop("creation_cost", UNSET))


        def _parse_embargo_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                embargo_until_type_0 = datetime.datetime.fromisoformat(data)



                return embargo_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        embargo_until = _parse_embargo_until(d.pop("embargo_until", UNSET))


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

        asset_out = cls(
            access_clusters=access_clusters,
            categories=categories,
            created_at=created_at,
            id=id,
            owners=owners,
            pending_owners=pending_owners,
            tags=tags,
            title=title,
            versions=versions,
            access_level=access_level,
            body=body,
            creation_cost=creation_cost,
            embargo_until=embargo_until,
            kind=kind,
            licence=licence,
            licence_terms=licence_terms,
            published_at=published_at,
            status=status,
            summary_en=summary_en,
            summary_zh=summary_zh,
            title_en=title_en,
            title_zh=title_zh,
        )


        asset_out.additional_properties = d
        return asset_out

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
