from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.receipt_file_out import ReceiptFileOut





T = TypeVar("T", bound="ReceiptOut")



@_attrs_define
class ReceiptOut:
    """ 
        Attributes:
            description_sha256 (str):
            digest (str): SHA-256 of the canonical JSON of the fields above
            entry (int):
            files (list[ReceiptFileOut]):
            project (int):
            seal (str): the platform's HMAC of the digest
            submitted_at (str):
            version (int):
     """

    description_sha256: str
    digest: str
    entry: int
    files: list[ReceiptFileOut]
    project: int
    seal: str
    submitted_at: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.receipt_file_out import ReceiptFileOut # noqa: PLC0415
        description_sha256 = self.description_sha256

        digest = self.digest

        entry = self.entry

        files = []
        for files_item_data in self.files:
            files_item = files_item_data.to_dict()
            files.append(files_item)



        project = self.project

        seal = self.seal

        submitted_at = self.submitted_at

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description_sha256": description_sha256,
            "digest": digest,
            "entry": entry,
            "files": files,
            "project": project,
            "seal": seal,
            "submitted_at": submitted_at,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.receipt_file_out import ReceiptFileOut # noqa: PLC0415
        d = dict(src_dict)
        description_sha256 = d.pop("description_sha256")

        digest = d.pop("digest")

        entry = d.pop("entry")

        files = []
        _files = d.pop("files")
        for files_item_data in (_files):
            files_item = ReceiptFileOut.from_dict(files_item_data)



            files.append(files_item)


        project = d.pop("project")

        seal = d.pop("seal")

        submitted_at = d.pop("submitted_at")

        version = d.pop("version")

        receipt_out = cls(
            description_sha256=description_sha256,
            digest=digest,
            entry=entry,
            files=files,
            project=project,
            seal=seal,
            submitted_at=submitted_at,
            version=version,
        )


        receipt_out.additional_properties = d
        return receipt_out

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
