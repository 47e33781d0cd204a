from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.phase_out import PhaseOut





T = TypeVar("T", bound="PhasesOut")



@_attrs_define
class PhasesOut:
    """ 
        Attributes:
            award_guaranteed (bool):
            current (int):
            final (bool):
            phases (list[PhaseOut]):
     """

    award_guaranteed: bool
    current: int
    final: bool
    phases: list[PhaseOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.phase_out import PhaseOut # noqa: PLC0415
        award_guaranteed = self.award_guaranteed

        current = self.current

        final = self.final

        phases = []
        for phases_item_data in self.phases:
            phases_item = phases_item_data.to_dict()
            phases.append(phases_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "award_guaranteed": award_guaranteed,
            "current": current,
            "final": final,
            "phases": phases,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.phase_out import PhaseOut # noqa: PLC0415
        d = dict(src_dict)
        award_guaranteed = d.pop("award_guaranteed")

        current = d.pop("current")

        final = d.pop("final")

        phases = []
        _phases = d.pop("phases")
        for phases_item_data in (_phases):
            phases_item = PhaseOut.from_dict(phases_item_data)



            phases.append(phases_item)


        phases_out = cls(
            award_guaranteed=award_guaranteed,
            current=current,
            final=final,
            phases=phases,
        )


        phases_out.additional_properties = d
        return phases_out

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
