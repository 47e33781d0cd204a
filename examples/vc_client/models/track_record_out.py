from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="TrackRecordOut")



@_attrs_define
class TrackRecordOut:
    """ 
        Attributes:
            assets_shared (int): Published assets that are not private.
            citations (int):
            derivations (int):
            entries (int): Entries of challenges closed for entries.
            flow_weighted (bool): Whether the spillover model's flows weighed the reuse.
            judged (int): Judging panels served on (scored, panel closed).
            licences (int):
            own_uses_ignored (int): Uses by the owners themselves, which count nothing.
            reasons (list[str]): Each part of the score, explained.
            reuse_credit (float): Credited reuse by other firms, after the rules against inflation.
            reusing_firms (int): Other firms that cited, derived from or licensed the assets.
            ring_capped (list[float] | None): Credit from a closed ring of firms before and after its cap, or null.
            score (float): The sum of the parts below (docs/knowledge.md, Reputation).
            wins (int):
     """

    assets_shared: int
    citations: int
    derivations: int
    entries: int
    flow_weighted: bool
    judged: int
    licences: int
    own_uses_ignored: int
    reasons: list[str]
    reuse_credit: float
    reusing_firms: int
    ring_capped: list[float] | None
    score: float
    wins: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        assets_shared = self.assets_shared

        citations = self.citations

        derivations = self.derivations

        entries = self.entries

        flow_weighted = self.flow_weighted

        judged = self.judged

        licences = self.licences

        own_uses_ignored = self.own_uses_ignored

        reasons = self.reasons



        reuse_credit = self.reuse_credit

        reusing_firms = self.reusing_firms

        ring_capped: list[float] | None
        if isinstance(self.ring_capped, list):
            ring_capped = self.ring_capped


        else:
            ring_capped = self.ring_capped

        score = self.score

        wins = self.wins


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "assets_shared": assets_shared,
            "citations": citations,
            "derivations": derivations,
            "entries": entries,
            "flow_weighted": flow_weighted,
            "judged": judged,
            "licences": licences,
            "own_uses_ignored": own_uses_ignored,
            "reasons": reasons,
            "reuse_credit": reuse_credit,
            "reusing_firms": reusing_firms,
            "ring_capped": ring_capped,
            "score": score,
            "wins": wins,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assets_shared = d.pop("assets_shared")

        citations = d.pop("citations")

        derivations = d.pop("derivations")

        entries = d.pop("entries")

        flow_weighted = d.pop("flow_weighted")

        judged = d.pop("judged")

        licences = d.pop("licences")

        own_uses_ignored = d.pop("own_uses_ignored")

        reasons = cast(list[str], d.pop("reasons"))


        reuse_credit = d.pop("reuse_credit")

        reusing_firms = d.pop("reusing_firms")

        def _parse_ring_capped(data: object) -> list[float] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ring_capped_type_0 = cast(list[float], data)

                return ring_capped_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None, data)

        ring_capped = _parse_ring_capped(d.pop("ring_capped"))


        score = d.pop("score")

        wins = d.pop("wins")

        track_record_out = cls(
            assets_shared=assets_shared,
            citations=citations,
            derivations=derivations,
            entries=entries,
            flow_weighted=flow_weighted,
            judged=judged,
            licences=licences,
            own_uses_ignored=own_uses_ignored,
            reasons=reasons,
            reuse_credit=reuse_credit,
            reusing_firms=reusing_firms,
            ring_capped=ring_capped,
            score=score,
            wins=wins,
        )


        track_record_out.additional_properties = d
        return track_record_out

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
