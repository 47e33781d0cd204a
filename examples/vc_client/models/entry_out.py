from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.blank_enum import BlankEnum
from ..models.entry_out_outcome_enum import EntryOutOutcomeEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.entry_version_out import EntryVersionOut
  from ..models.team_out import TeamOut





T = TypeVar("T", bound="EntryOut")



@_attrs_define
class EntryOut:
    """ 
        Attributes:
            created_at (datetime.datetime): Created
            id (int):
            team (TeamOut):
            title (str):
            versions (list[EntryVersionOut]):
            feedback (str | Unset): Feedback to the solvers
            outcome (BlankEnum | EntryOutOutcomeEnum | Unset):
     """

    created_at: datetime.datetime
    id: int
    team: TeamOut
    title: str
    versions: list[EntryVersionOut]
    feedback: str | Unset = UNSET
    outcome: BlankEnum | EntryOutOutcomeEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.entry_version_out import EntryVersionOut # noqa: PLC0415
        from ..models.team_out import TeamOut # noqa: PLC0415
        created_at = self.created_at.isoformat()

        id = self.id

        team = self.team.to_dict()

        title = self.title

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)



        feedback = self.feedback

        outcome: str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, EntryOutOutcomeEnum):
            outcome = self.outcome.value
        else:
            outcome = self.outcome.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "id": id,
            "team": team,
            "title": title,
            "versions": versions,
        })
        if feedback is not UNSET:
            field_dict["feedback"] = feedback
        if outcome is not UNSET:
            field_dict["outcome"] = outcome

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entry_version_out import EntryVersionOut # noqa: PLC0415
        from ..models.team_out import TeamOut # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        team = TeamOut.from_dict(d.pop("team"))




        title = d.pop("title")

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in (_versions):
            versions_item = EntryVersionOut.from_dict(versions_item_data)



            versions.append(versions_item)


        feedback = d.pop("feedback", UNSET)

        def _parse_outcome(data: object) -> BlankEnum | EntryOutOutcomeEnum | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = EntryOutOutcomeEnum(data)



                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            outcome_type_1 = BlankEnum(data)



            return outcome_type_1

        outcome = _parse_outcome(d.pop("outcome", UNSET))


        entry_out = cls(
            created_at=created_at,
            id=id,
            team=team,
            title=title,
            versions=versions,
            feedback=feedback,
            outcome=outcome,
        )


        entry_out.additional_properties = d
        return entry_out

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
