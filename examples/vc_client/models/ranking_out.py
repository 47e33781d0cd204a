from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="RankingOut")



@_attrs_define
class RankingOut:
    """ 
        Attributes:
            below_minimum (bool): fewer reviews than the project's minimum: not ranked
            entry (int):
            judges (int):
            outcome (str):
            rank (int | None):
            score (float | None):
            spread (float | None): population standard deviation across judges
            team (str):
            title (str):
            z_score (float | None): mean of the entry's per-judge z-scores
     """

    below_minimum: bool
    entry: int
    judges: int
    outcome: str
    rank: int | None
    score: float | None
    spread: float | None
    team: str
    title: str
    z_score: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        below_minimum = self.below_minimum

        entry = self.entry

        judges = self.judges

        outcome = self.outcome

        rank: int | None
        rank = self.rank

        score: float | None
        score = self.score

        spread: float | None
        spread = self.spread

        team = self.team

        title = self.title

        z_score: float | None
        z_score = self.z_score


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "below_minimum": below_minimum,
            "entry": entry,
            "judges": judges,
            "outcome": outcome,
            "rank": rank,
            "score": score,
            "spread": spread,
            "team": team,
            "title": title,
            "z_score": z_score,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        below_minimum = d.pop("below_minimum")

        entry = d.pop("entry")

        judges = d.pop("judges")

        outcome = d.pop("outcome")

        def _parse_rank(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rank = _parse_rank(d.pop("rank"))


        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))


        def _parse_spread(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        spread = _parse_spread(d.pop("spread"))


        team = d.pop("team")

        title = d.pop("title")

        def _parse_z_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        z_score = _parse_z_score(d.pop("z_score"))


        ranking_out = cls(
            below_minimum=below_minimum,
            entry=entry,
            judges=judges,
            outcome=outcome,
            rank=rank,
            score=score,
            spread=spread,
            team=team,
            title=title,
            z_score=z_score,
        )


        ranking_out.additional_properties = d
        return ranking_out

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
