from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.idea_out_credited_firms_item import IdeaOutCreditedFirmsItem





T = TypeVar("T", bound="IdeaOut")



@_attrs_define
class IdeaOut:
    """ 
        Attributes:
            created_at (datetime.datetime): Submitted
            credited_firms (list[IdeaOutCreditedFirmsItem]): The author's firm and those of merged ideas.
            id (int):
            merged_into (int | None):
            support_count (int):
            text (str): Idea
            title (str):
            merged_at (datetime.datetime | None | Unset): Merged
     """

    created_at: datetime.datetime
    credited_firms: list[IdeaOutCreditedFirmsItem]
    id: int
    merged_into: int | None
    support_count: int
    text: str
    title: str
    merged_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.idea_out_credited_firms_item import IdeaOutCreditedFirmsItem # noqa: PLC0415
        created_at = self.created_at.isoformat()

        credited_firms = []
        for credited_firms_item_data in self.credited_firms:
            credited_firms_item = credited_firms_item_data.to_dict()
            credited_firms.append(credited_firms_item)



        id = self.id

        merged_into: int | None
        merged_into = self.merged_into

        support_count = self.support_count

        text = self.text

        title = self.title

        merged_at: None | str | Unset
        if isinstance(self.merged_at, Unset):
            merged_at = UNSET
        elif isinstance(self.merged_at, datetime.datetime):
            merged_at = self.merged_at.isoformat()
        else:
            merged_at = self.merged_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "credited_firms": credited_firms,
            "id": id,
            "merged_into": merged_into,
            "support_count": support_count,
            "text": text,
            "title": title,
        })
        if merged_at is not UNSET:
            field_dict["merged_at"] = merged_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.idea_out_credited_firms_item import IdeaOutCreditedFirmsItem # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        credited_firms = []
        _credited_firms = d.pop("credited_firms")
        for credited_firms_item_data in (_credited_firms):
            credited_firms_item = IdeaOutCreditedFirmsItem.from_dict(credited_firms_item_data)



            credited_firms.append(credited_firms_item)


        id = d.pop("id")

        def _parse_merged_into(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        merged_into = _parse_merged_into(d.pop("merged_into"))


        support_count = d.pop("support_count")

        text = d.pop("text")

        title = d.pop("title")

        def _parse_merged_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                merged_at_type_0 = datetime.datetime.fromisoformat(data)



                return merged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        merged_at = _parse_merged_at(d.pop("merged_at", UNSET))


        idea_out = cls(
            created_at=created_at,
            credited_firms=credited_firms,
            id=id,
            merged_into=merged_into,
            support_count=support_count,
            text=text,
            title=title,
            merged_at=merged_at,
        )


        idea_out.additional_properties = d
        return idea_out

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
