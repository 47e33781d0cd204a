from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="VersionOut")



@_attrs_define
class VersionOut:
    """ 
        Attributes:
            content_type (str): Type
            created_at (datetime.datetime): Created
            download_url (str):
            number (int): Version
            original_name (str): File name
            sha256 (str): SHA-256
            size (int): Size (bytes)
     """

    content_type: str
    created_at: datetime.datetime
    download_url: str
    number: int
    original_name: str
    sha256: str
    size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        created_at = self.created_at.isoformat()

        download_url = self.download_url

        number = self.number

        original_name = self.original_name

        sha256 = self.sha256

        size = self.size


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "content_type": content_type,
            "created_at": created_at,
            "download_url": download_url,
            "number": number,
            "original_name": original_name,
            "sha256": sha256,
            "size": size,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_type = d.pop("content_type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        download_url = d.pop("download_url")

        number = d.pop("number")

        original_name = d.pop("original_name")

        sha256 = d.pop("sha256")

        size = d.pop("size")

        version_out = cls(
            content_type=content_type,
            created_at=created_at,
            download_url=download_url,
            number=number,
            original_name=original_name,
            sha256=sha256,
            size=size,
        )


        version_out.additional_properties = d
        return version_out

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
