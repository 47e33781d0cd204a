from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.entry_file_out import EntryFileOut





T = TypeVar("T", bound="EntryVersionOut")



@_attrs_define
class EntryVersionOut:
    """ 
        Attributes:
            description (str):
            digest (str):
            files (list[EntryFileOut]):
            number (int):
            submitted_at (datetime.datetime):
     """

    description: str
    digest: str
    files: list[EntryFileOut]
    number: int
    submitted_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.entry_file_out import EntryFileOut # noqa: PLC0415
        description = self.description

        digest = self.digest

        files = []
        for files_item_data in self.files:
            files_item = files_item_data.to_dict()
            files.append(files_item)



        number = self.number

        submitted_at = self.submitted_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description": description,
            "digest": digest,
            "files": files,
            "number": number,
            "submitted_at": submitted_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entry_file_out import EntryFileOut # noqa: PLC0415
        d = dict(src_dict)
        description = d.pop("description")

        digest = d.pop("digest")

        files = []
        _files = d.pop("files")
        for files_item_data in (_files):
            files_item = EntryFileOut.from_dict(files_item_data)



            files.append(files_item)


        number = d.pop("number")

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))




        entry_version_out = cls(
            description=description,
            digest=digest,
            files=files,
            number=number,
            submitted_at=submitted_at,
        )


        entry_version_out.additional_properties = d
        return entry_version_out

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
