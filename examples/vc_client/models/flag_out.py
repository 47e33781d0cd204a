from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.flag_out_status_enum import FlagOutStatusEnum
from ..models.method_enum import MethodEnum
from typing import cast






T = TypeVar("T", bound="FlagOut")



@_attrs_define
class FlagOut:
    """ 
        Attributes:
            actions (list[str]): What the caller may decide.
            id (int):
            match_id (int):
            match_kind (str):
            method (MethodEnum): * `file` - Same file
                * `text` - Similar text
            similarity (float): 1 for the same file; else Jaccard.
            status (FlagOutStatusEnum): * `open` - Open
                * `new_version` - Linked as a new version
                * `cited` - Cited
                * `not_duplicate` - Not a duplicate
            title (str): The match's title, which the caller may see.
            url (str): The match's page.
     """

    actions: list[str]
    id: int
    match_id: int
    match_kind: str
    method: MethodEnum
    similarity: float
    status: FlagOutStatusEnum
    title: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        actions = self.actions



        id = self.id

        match_id = self.match_id

        match_kind = self.match_kind

        method = self.method.value

        similarity = self.similarity

        status = self.status.value

        title = self.title

        url = self.url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "actions": actions,
            "id": id,
            "match_id": match_id,
            "match_kind": match_kind,
            "method": method,
            "similarity": similarity,
            "status": status,
            "title": title,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actions = cast(list[str], d.pop("actions"))


        id = d.pop("id")

        match_id = d.pop("match_id")

        match_kind = d.pop("match_kind")

        method = MethodEnum(d.pop("method"))




        similarity = d.pop("similarity")

        status = FlagOutStatusEnum(d.pop("status"))




        title = d.pop("title")

        url = d.pop("url")

        flag_out = cls(
            actions=actions,
            id=id,
            match_id=match_id,
            match_kind=match_kind,
            method=method,
            similarity=similarity,
            status=status,
            title=title,
            url=url,
        )


        flag_out.additional_properties = d
        return flag_out

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
