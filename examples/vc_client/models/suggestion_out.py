from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.capability_brief_out import CapabilityBriefOut
  from ..models.firm_brief_out import FirmBriefOut





T = TypeVar("T", bound="SuggestionOut")



@_attrs_define
class SuggestionOut:
    """ 
        Attributes:
            coverage (float): Share of the firm's needs (weighted by rarity) the partner covers.
            covered (list[CapabilityBriefOut]): The firm's needs this partner can meet.
            firm (FirmBriefOut): Mix into an output serializer (before ``ModelSerializer``) to render rows without the
                generic walk.
            inside (bool): Whether the partner already shares a cluster with the firm.
            mutual (list[CapabilityBriefOut]): What the partner needs that the firm can do.
            reasons (list[str]): What other signals (a track record) added to the score, and why.
            score (float): Coverage of the firm's needs plus a share for mutual fit.
            shared_clusters (list[str]):
     """

    coverage: float
    covered: list[CapabilityBriefOut]
    firm: FirmBriefOut
    inside: bool
    mutual: list[CapabilityBriefOut]
    reasons: list[str]
    score: float
    shared_clusters: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.capability_brief_out import CapabilityBriefOut # noqa: PLC0415
        from ..models.firm_brief_out import FirmBriefOut # noqa: PLC0415
        coverage = self.coverage

        covered = []
        for covered_item_data in self.covered:
            covered_item = covered_item_data.to_dict()
            covered.append(covered_item)



        firm = self.firm.to_dict()

        inside = self.inside

        mutual = []
        for mutual_item_data in self.mutual:
            mutual_item = mutual_item_data.to_dict()
            mutual.append(mutual_item)



        reasons = self.reasons



        score = self.score

        shared_clusters = self.shared_clusters




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "coverage": coverage,
            "covered": covered,
            "firm": firm,
            "inside": inside,
            "mutual": mutual,
            "reasons": reasons,
            "score": score,
            "shared_clusters": shared_clusters,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.capability_brief_out import CapabilityBriefOut # noqa: PLC0415
        from ..models.firm_brief_out import FirmBriefOut # noqa: PLC0415
        d = dict(src_dict)
        coverage = d.pop("coverage")

        covered = []
        _covered = d.pop("covered")
        for covered_item_data in (_covered):
            covered_item = CapabilityBriefOut.from_dict(covered_item_data)



            covered.append(covered_item)


        firm = FirmBriefOut.from_dict(d.pop("firm"))




        inside = d.pop("inside")

        mutual = []
        _mutual = d.pop("mutual")
        for mutual_item_data in (_mutual):
            mutual_item = CapabilityBriefOut.from_dict(mutual_item_data)



            mutual.append(mutual_item)


        reasons = cast(list[str], d.pop("reasons"))


        score = d.pop("score")

        shared_clusters = cast(list[str], d.pop("shared_clusters"))


        suggestion_out = cls(
            coverage=coverage,
            covered=covered,
            firm=firm,
            inside=inside,
            mutual=mutual,
            reasons=reasons,
            score=score,
            shared_clusters=shared_clusters,
        )


        suggestion_out.additional_properties = d
        return suggestion_out

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
