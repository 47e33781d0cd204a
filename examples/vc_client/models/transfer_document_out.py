from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.transfer_document_out_kind_enum import TransferDocumentOutKindEnum
from typing import cast
import datetime






T = TypeVar("T", bound="TransferDocumentOut")



@_attrs_define
class TransferDocumentOut:
    """ 
        Attributes:
            created_at (datetime.datetime): Created
            kind (TransferDocumentOutKindEnum): * `sent` - As sent for signature
                * `signed` - Signed
            number (int): Version
            sha256 (str): SHA-256
            size (int):
     """

    created_at: datetime.datetime
    kind: TransferDocumentOutKindEnum
    number: int
    sha256: str
    size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        kind = self.kind.value

        number = self.number

        sha256 = self.sha256

        size = self.size


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "kind": kind,
            "number": number,
            "sha256": sha256,
            "size": size,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        kind = TransferDocumentOutKindEnum(d.pop("kind"))




        number = d.pop("number")

        sha256 = d.pop("sha256")

        size = d.pop("size")

        transfer_document_out = cls(
            created_at=created_at,
            kind=kind,
            number=number,
            sha256=sha256,
            size=size,
        )


        transfer_document_out.additional_properties = d
        return transfer_document_out

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
