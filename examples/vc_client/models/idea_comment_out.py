from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.firm_ref_out import FirmRefOut





T = TypeVar("T", bound="IdeaCommentOut")



@_attrs_define
class IdeaCommentOut:
    """ 
        Attributes:
            created_at (datetime.datetime): Written
            firm (FirmRefOut):
            id (int):
            text (str): Comment
     """

    created_at: datetime.datetime
    firm: FirmRefOut
    id: int
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.firm_ref_out import FirmRefOut # noqa: PLC0415
        created_at = self.created_at.isoformat()

        firm = self.firm.to_dict()

        id = self.id

        text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "firm": firm,
            "id": id,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.firm_ref_out import FirmRefOut # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        firm = FirmRefOut.from_dict(d.pop("firm"))




        id = d.pop("id")

        text = d.pop("text")

        idea_comment_out = cls(
            created_at=created_at,
            firm=firm,
            id=id,
            text=text,
        )


        idea_comment_out.additional_properties = d
        return idea_comment_out

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
