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






T = TypeVar("T", bound="EntryAppealInRequest")



@_attrs_define
class EntryAppealInRequest:
    """ 
        Attributes:
            entry (int):
            reason (str):
            attachment (File | None | Unset):
     """

    entry: int
    reason: str
    attachment: File | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        entry = self.entry

        reason = self.reason

        attachment: FileTypes | None | Unset
        if isinstance(self.attachment, Unset):
            attachment = UNSET
        elif isinstance(self.attachment, File):
            attachment = self.attachment.to_tuple()

        else:
            attachment = self.attachment


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "entry": entry,
            "reason": reason,
        })
        if attachment is not UNSET:
            field_dict["attachment"] = attachment

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("entry", (None, str(self.entry).encode(), "text/plain")))



        files.append(("reason", (None, str(self.reason).encode(), "text/plain")))



        if not isinstance(self.attachment, Unset):
            if isinstance(self.attachment, File):

                files.append(("attachment", self.attachment.to_tuple()))
            else:
                files.append(("attachment", (None, str(self.attachment).encode(), "text/plain")))



        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))



        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entry = d.pop("entry")

        reason = d.pop("reason")

        def _parse_attachment(data: object) -> File | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, bytes):
                    raise TypeError()
                attachment_type_0 = File(
                     payload = BytesIO(data)
                )



                return attachment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(File | None | Unset, data)

        attachment = _parse_attachment(d.pop("attachment", UNSET))


        entry_appeal_in_request = cls(
            entry=entry,
            reason=reason,
            attachment=attachment,
        )


        entry_appeal_in_request.additional_properties = d
        return entry_appeal_in_request

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
