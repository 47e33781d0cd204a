from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.run_out_parameters import RunOutParameters





T = TypeVar("T", bound="RunOut")



@_attrs_define
class RunOut:
    """ 
        Attributes:
            as_of (datetime.datetime): As-of time of the exact figures (the last fold-in's, else the run's).
            as_of_last_full_run (list[str]): The figures of this response that are as of the last full run.
            events (int):
            folded (int):
            full_run_as_of (datetime.datetime): As-of time of the last full run.
            full_run_note (str): The same, in words, in the reader's language.
            id (int):
            parameters (RunOutParameters):
            status (str):
            status_label (str):
     """

    as_of: datetime.datetime
    as_of_last_full_run: list[str]
    events: int
    folded: int
    full_run_as_of: datetime.datetime
    full_run_note: str
    id: int
    parameters: RunOutParameters
    status: str
    status_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.run_out_parameters import RunOutParameters # noqa: PLC0415
        as_of = self.as_of.isoformat()

        as_of_last_full_run = self.as_of_last_full_run



        events = self.events

        folded = self.folded

        full_run_as_of = self.full_run_as_of.isoformat()

        full_run_note = self.full_run_note

        id = self.id

        parameters = self.parameters.to_dict()

        status = self.status

        status_label = self.status_label


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "as_of_last_full_run": as_of_last_full_run,
            "events": events,
            "folded": folded,
            "full_run_as_of": full_run_as_of,
            "full_run_note": full_run_note,
            "id": id,
            "parameters": parameters,
            "status": status,
            "status_label": status_label,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_out_parameters import RunOutParameters # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))




        as_of_last_full_run = cast(list[str], d.pop("as_of_last_full_run"))


        events = d.pop("events")

        folded = d.pop("folded")

        full_run_as_of = datetime.datetime.fromisoformat(d.pop("full_run_as_of"))




        full_run_note = d.pop("full_run_note")

        id = d.pop("id")

        parameters = RunOutParameters.from_dict(d.pop("parameters"))




        status = d.pop("status")

        status_label = d.pop("status_label")

        run_out = cls(
            as_of=as_of,
            as_of_last_full_run=as_of_last_full_run,
            events=events,
            folded=folded,
            full_run_as_of=full_run_as_of,
            full_run_note=full_run_note,
            id=id,
            parameters=parameters,
            status=status,
            status_label=status_label,
        )


        run_out.additional_properties = d
        return run_out

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
