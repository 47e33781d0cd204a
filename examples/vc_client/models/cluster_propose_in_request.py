from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.asset_review_enum import AssetReviewEnum
from ..models.blank_enum import BlankEnum
from ..models.join_policy_enum import JoinPolicyEnum
from ..models.province_enum import ProvinceEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ClusterProposeInRequest")



@_attrs_define
class ClusterProposeInRequest:
    """ 
        Attributes:
            sectors (list[str]):
            theme (str):
            asset_review (AssetReviewEnum | Unset): * `before` - Review before publishing
                * `after` - Publish at once, review after
            description (str | Unset): Optional: the server uses `""` when it is absent.
            home_belt (str | Unset): Optional: the server uses `""` when it is absent.
            home_province (BlankEnum | ProvinceEnum | Unset): Optional: the server uses `""` when it is absent.
            join_policy (JoinPolicyEnum | Unset): * `open` - Open: any firm may join
                * `application` - By application: moderators approve
                * `invitation` - By invitation only
            name_en (str | Unset): Optional: the server uses `""` when it is absent.
            name_zh (str | Unset): Optional: the server uses `""` when it is absent.
            slug (str | Unset): Optional: the server uses `""` when it is absent.
     """

    sectors: list[str]
    theme: str
    asset_review: AssetReviewEnum | Unset = UNSET
    description: str | Unset = UNSET
    home_belt: str | Unset = UNSET
    home_province: BlankEnum | ProvinceEnum | Unset = UNSET
    join_policy: JoinPolicyEnum | Unset = UNSET
    name_en: str | Unset = UNSET
    name_zh: str | Unset = UNSET
    slug: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        sectors = self.sectors



        theme = self.theme

        asset_review: str | Unset = UNSET
        if not isinstance(self.asset_review, Unset):
            asset_review = self.asset_review.value


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

        slug: str | Unset
        if isinstance(self.slug, Unset):
            slug = UNSET
        else:
            slug = self.slug


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "sectors": sectors,
            "theme": theme,
        })
        if asset_review is not UNSET:
            field_dict["asset_review"] = asset_review
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
        if slug is not UNSET:
            field_dict["slug"] = slug

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sectors = cast(list[str], d.pop("sectors"))


        theme = d.pop("theme")

        _asset_review = d.pop("asset_review", UNSET)
        asset_review: AssetReviewEnum | Unset
        if isinstance(_asset_review,  Unset):
            asset_review = UNSET
        else:
            asset_review = AssetReviewEnum(_asset_review)




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

        def _parse_slug(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        slug = _parse_slug(d.pop("slug", UNSET))


        cluster_propose_in_request = cls(
            sectors=sectors,
            theme=theme,
            asset_review=asset_review,
            description=description,
            home_belt=home_belt,
            home_province=home_province,
            join_policy=join_policy,
            name_en=name_en,
            name_zh=name_zh,
            slug=slug,
        )


        cluster_propose_in_request.additional_properties = d
        return cluster_propose_in_request

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
