from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field
import json
from .. import types

from ..types import UNSET, Unset

from ..types import File, FileTypes
from ..types import UNSET, Unset
from io import BytesIO
from typing import cast






T = TypeVar("T", bound="EntrySubmitInRequest")



@_attrs_define
class EntrySubmitInRequest:
    """ 
        Attributes:
            files (list[File]):
            cited_asset_ids (list[int] | Unset):
            description (str | Unset): Optional: the server uses `""` when it is absent.
            title (str | Unset): Optional: the server uses `""` when it is absent.
     """

    files: list[File]
    cited_asset_ids: list[int] | Unset = UNSET
    description: str | Unset = UNSET
    title: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        files = []
        for files_item_data in self.files:
            files_item = files_item_data.to_tuple()

            files.append(files_item)



        cited_asset_ids: list[int] | Unset = UNSET
        if not isinstance(self.cited_asset_ids, Unset):
            cited_asset_ids = self.cited_asset_ids



        description = self.description

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "files": files,
        })
        if cited_asset_ids is not UNSET:
            field_dict["cited_asset_ids"] = cited_asset_ids
        if description is not UNSET:
            field_dict["description"] = description
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        for files_item_element in self.files:
            files.append(("files", files_item_element.to_tuple()))




        if not isinstance(self.cited_asset_ids, Unset):
            for cited_asset_ids_item_element in self.cited_asset_ids:
                files.append(("cited_asset_ids", (None, str(cited_asset_ids_item_element).encode(), "text/plain")))




        if not isinstance(self.description, Unset):
            files.append(("description", (None, str(self.description).encode(), "text/plain")))



        if not isinstance(self.title, Unset):
            files.append(("title", (None, str(self.title).encode(), "text/plain")))




        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))



        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        files = []
        _files = d.pop("files")
        for files_item_data in (_files):
            files_item = File(
                 payload = BytesIO(files_item_data)
            )



            files.append(files_item)


        cited_asset_ids = cast(list[int], d.pop("cited_asset_ids", UNSET))


        description = d.pop("description", UNSET)

        title = d.pop("title", UNSET)

        entry_submit_in_request = cls(
            files=files,
            cited_asset_ids=cited_asset_ids,
            description=description,
            title=title,
        )


        entry_submit_in_request.additional_properties = d
        return entry_submit_in_request

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
