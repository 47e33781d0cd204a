from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.open_field_out import OpenFieldOut





T = TypeVar("T", bound="OpenTableOut")



@_attrs_define
class OpenTableOut:
    """ 
        Attributes:
            csv (str):
            description (str):
            fields (list[OpenFieldOut]):
            name (str):
            title (str):
     """

    csv: str
    description: str
    fields: list[OpenFieldOut]
    name: str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.open_field_out import OpenFieldOut # noqa: PLC0415
        csv = self.csv

        description = self.description

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)



        name = self.name

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "csv": csv,
            "description": description,
            "fields": fields,
            "name": name,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.open_field_out import OpenFieldOut # noqa: PLC0415
        d = dict(src_dict)
        csv = d.pop("csv")

        description = d.pop("description")

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in (_fields):
            fields_item = OpenFieldOut.from_dict(fields_item_data)



            fields.append(fields_item)


        name = d.pop("name")

        title = d.pop("title")

        open_table_out = cls(
            csv=csv,
            description=description,
            fields=fields,
            name=name,
            title=title,
        )


        open_table_out.additional_properties = d
        return open_table_out

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
