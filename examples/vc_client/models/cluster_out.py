from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.asset_review_enum import AssetReviewEnum
from ..models.blank_enum import BlankEnum
from ..models.cluster_status_enum import ClusterStatusEnum
from ..models.join_policy_enum import JoinPolicyEnum
from ..models.province_enum import ProvinceEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.firm_brief_out import FirmBriefOut
  from ..models.sector_brief_out import SectorBriefOut





T = TypeVar("T", bound="ClusterOut")



@_attrs_define
class ClusterOut:
    """ Mix into an output serializer (before ``ModelSerializer``) to render rows without the generic walk.

        Attributes:
            created_at (datetime.datetime): Created
            id (int):
            member_count (int):
            name (str):
            proposed_by (FirmBriefOut): Mix into an output serializer (before ``ModelSerializer``) to render rows without
                the generic walk.
            sectors (list[SectorBriefOut]):
            slug (str): Short name
            theme (str): Theme (sector or value chain)
            asset_review (AssetReviewEnum | Unset): * `before` - Review before publishing
                * `after` - Publish at once, review after
            decision_reason (str | Unset): Reason for the decision
            description (str | Unset):
            home_belt (str | Unset): The geographic industry belt this cluster mirrors, if any.
            home_province (BlankEnum | ProvinceEnum | Unset): Home belt province
            join_policy (JoinPolicyEnum | Unset): * `open` - Open: any firm may join
                * `application` - By application: moderators approve
                * `invitation` - By invitation only
            name_en (str | Unset): English name
            name_zh (str | Unset): Chinese name
            status (ClusterStatusEnum | Unset): * `proposed` - Proposed
                * `approved` - Approved
                * `rejected` - Rejected
                * `archived` - Archived
     """

    created_at: datetime.datetime
    id: int
    member_count: int
    name: str
    proposed_by: FirmBriefOut
    sectors: list[SectorBriefOut]
    slug: str
    theme: str
    asset_review: AssetReviewEnum | Unset = UNSET
    decision_reason: str | Unset = UNSET
    description: str | Unset = UNSET
    home_belt: str | Unset = UNSET
    home_province: BlankEnum | ProvinceEnum | Unset = UNSET
    join_policy: JoinPolicyEnum | Unset = UNSET
    name_en: str | Unset = UNSET
    name_zh: str | Unset = UNSET
    status: ClusterStatusEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.firm_brief_out import FirmBriefOut # noqa: PLC0415
        from ..models.sector_brief_out import SectorBriefOut # noqa: PLC0415
        created_at = self.created_at.isoformat()

        id = self.id

        member_count = self.member_count

        name = self.name

        proposed_by = self.proposed_by.to_dict()

        sectors = []
        for sectors_item_data in self.sectors:
            sectors_item = sectors_item_data.to_dict()
            sectors.append(sectors_item)



        slug = self.slug

        theme = self.theme

        asset_review: str | Unset = UNSET
        if not isinstance(self.asset_review, Unset):
            asset_review = self.asset_review.value


        decision_reason = self.decision_reason

        description = self.description

        home_belt = self.home_belt

        home_province: str | Unset
        if isinstance(self.home_province, Unset):
            home_province = UNSET
        elif isinstance(self.home_province, ProvinceEnum):
            home_province = self.home_province.value
        else:
            home_province = self.home_province.value


        join_policy: str | Unset = UNSET
        if not isinstance(self.join_policy, Unset):
            join_policy = self.join_policy.value


        name_en = self.name_en

        name_zh = self.name_zh

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "id": id,
            "member_count": member_count,
            "name": name,
            "proposed_by": proposed_by,
            "sectors": sectors,
            "slug": slug,
            "theme": theme,
        })
        if asset_review is not UNSET:
            field_dict["asset_review"] = asset_review
        if decision_reason is not UNSET:
            field_dict["decision_reason"] = decision_reason
        if description is not UNSET:
            field_dict["description"] = description
        if home_belt is not UNSET:
            field_dict["home_belt"] = home_belt
        if home_province is not UNSET:
            field_dict["home_province"] = home_province
        if join_policy is not UNSET:
            field_dict["join_policy"] = join_policy
        if name_en is not UNSET:
            field_dict["name_en"] = name_en
        if name_zh is not UNSET:
            field_dict["name_zh"] = name_zh
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.firm_brief_out import FirmBriefOut # noqa: PLC0415
        from ..models.sector_brief_out import SectorBriefOut # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        member_count = d.pop("member_count")

        name = d.pop("name")

        proposed_by = FirmBriefOut.from_dict(d.pop("proposed_by"))




        sectors = []
        _sectors = d.pop("sectors")
        for sectors_item_data in (_sectors):
            sectors_item = SectorBriefOut.from_dict(sectors_item_data)



            sectors.append(sectors_item)


        slug = d.pop("slug")

        theme = d.pop("theme")

        _asset_review = d.pop("asset_review", UNSET)
        asset_review: AssetReviewEnum | Unset
        if isinstance(_asset_review,  Unset):
            asset_review = UNSET
        else:
            asset_review = AssetReviewEnum(_asset_review)




        decision_reason = d.pop("decision_reason", UNSET)

        description = d.pop("description", UNSET)

        home_belt = d.pop("home_belt", UNSET)

        def _parse_home_province(data: object) -> BlankEnum | ProvinceEnum | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                home_province_type_0 = ProvinceEnum(data)



                return home_province_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            home_province_type_1 = BlankEnum(data)



            return home_province_type_1

        home_province = _parse_home_province(d.pop("home_province", UNSET))


        _join_policy = d.pop("join_policy", UNSET)
        join_policy: JoinPolicyEnum | Unset
        if isinstance(_join_policy,  Unset):
            join_policy = UNSET
        else:
            join_policy = JoinPolicyEnum(_join_policy)




        name_en = d.pop("name_en", UNSET)

        name_zh = d.pop("name_zh", UNSET)

        _status = d.pop("status", UNSET)
        status: ClusterStatusEnum | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ClusterStatusEnum(_status)




        cluster_out = cls(
            created_at=created_at,
            id=id,
            member_count=member_count,
            name=name,
            proposed_by=proposed_by,
            sectors=sectors,
            slug=slug,
            theme=theme,
            asset_review=asset_review,
            decision_reason=decision_reason,
            description=description,
            home_belt=home_belt,
            home_province=home_province,
            join_policy=join_policy,
            name_en=name_en,
            name_zh=name_zh,
            status=status,
        )


        cluster_out.additional_properties = d
        return cluster_out

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
