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
            as_of (datetime.datetime):
            events (int):
            folded (int):
            id (int):
            parameters (RunOutParameters):
            status (str):
            status_label (str):
     """

    as_of: datetime.datetime
    events: int
    folded: int
    id: int
    parameters: RunOutParameters
    status: str
    status_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.run_out_parameters import RunOutParameters # noqa: PLC0415
        as_of = self.as_of.isoformat()

        events = self.events

        folded = self.folded

        id = self.id

        parameters = self.parameters.to_dict()

        status = self.status

        status_label = self.status_label


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "events": events,
            "folded": folded,
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




        events = d.pop("events")

        folded = d.pop("folded")

        id = d.pop("id")

        parameters = RunOutParameters.from_dict(d.pop("parameters"))




        status = d.pop("status")

        status_label = d.pop("status_label")

        run_out = cls(
            as_of=as_of,
            events=events,
            folded=folded,
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
