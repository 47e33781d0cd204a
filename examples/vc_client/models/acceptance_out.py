from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AcceptanceOut")



@_attrs_define
class AcceptanceOut:
    """ 
        Attributes:
            accepted_at (datetime.datetime):
            firm (int):
            project (int):
            terms_sha256 (str):
     """

    accepted_at: datetime.datetime
    firm: int
    project: int
    terms_sha256: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        accepted_at = self.accepted_at.isoformat()

        firm = self.firm

        project = self.project

        terms_sha256 = self.terms_sha256


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accepted_at": accepted_at,
            "firm": firm,
            "project": project,
            "terms_sha256": terms_sha256,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accepted_at = datetime.datetime.fromisoformat(d.pop("accepted_at"))




        firm = d.pop("firm")

        project = d.pop("project")

        terms_sha256 = d.pop("terms_sha256")

        acceptance_out = cls(
            accepted_at=accepted_at,
            firm=firm,
            project=project,
            terms_sha256=terms_sha256,
        )


        acceptance_out.additional_properties = d
        return acceptance_out

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
