from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.run_out import RunOut
  from ..models.run_status_out_latest import RunStatusOutLatest





T = TypeVar("T", bound="RunStatusOut")



@_attrs_define
class RunStatusOut:
    """ 
        Attributes:
            current (RunOut):
            latest (RunStatusOutLatest | Unset):
     """

    current: RunOut
    latest: RunStatusOutLatest | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.run_out import RunOut # noqa: PLC0415
        from ..models.run_status_out_latest import RunStatusOutLatest # noqa: PLC0415
        current = self.current.to_dict()

        latest: dict[str, Any] | Unset = UNSET
        if not isinstance(self.latest, Unset):
            latest = self.latest.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "current": current,
        })
        if latest is not UNSET:
            field_dict["latest"] = latest

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_out import RunOut # noqa: PLC0415
        from ..models.run_status_out_latest import RunStatusOutLatest # noqa: PLC0415
        d = dict(src_dict)
        current = RunOut.from_dict(d.pop("current"))




        _latest = d.pop("latest", UNSET)
        latest: RunStatusOutLatest | Unset
        if isinstance(_latest,  Unset):
            latest = UNSET
        else:
            latest = RunStatusOutLatest.from_dict(_latest)




        run_status_out = cls(
            current=current,
            latest=latest,
        )


        run_status_out.additional_properties = d
        return run_status_out

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
