from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.open_field_out import OpenFieldOut
  from ..models.open_table_rows_out_rows_item import OpenTableRowsOutRowsItem





T = TypeVar("T", bound="OpenTableRowsOut")



@_attrs_define
class OpenTableRowsOut:
    """ 
        Attributes:
            computed_at (datetime.datetime):
            fields (list[OpenFieldOut]):
            k (int): No figure describes fewer than k firms; null marks a hidden figure.
            name (str):
            rows (list[OpenTableRowsOutRowsItem]):
     """

    computed_at: datetime.datetime
    fields: list[OpenFieldOut]
    k: int
    name: str
    rows: list[OpenTableRowsOutRowsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.open_field_out import OpenFieldOut # noqa: PLC0415
        from ..models.open_table_rows_out_rows_item import OpenTableRowsOutRowsItem # noqa: PLC0415
        computed_at = self.computed_at.isoformat()

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)



        k = self.k

        name = self.name

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "computed_at": computed_at,
            "fields": fields,
            "k": k,
            "name": name,
            "rows": rows,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.open_field_out import OpenFieldOut # noqa: PLC0415
        from ..models.open_table_rows_out_rows_item import OpenTableRowsOutRowsItem # noqa: PLC0415
        d = dict(src_dict)
        computed_at = datetime.datetime.fromisoformat(d.pop("computed_at"))




        fields = []
        _fields = d.pop("fields")
        for fields_item_data in (_fields):
            fields_item = OpenFieldOut.from_dict(fields_item_data)



            fields.append(fields_item)


        k = d.pop("k")

        name = d.pop("name")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in (_rows):
            rows_item = OpenTableRowsOutRowsItem.from_dict(rows_item_data)



            rows.append(rows_item)


        open_table_rows_out = cls(
            computed_at=computed_at,
            fields=fields,
            k=k,
            name=name,
            rows=rows,
        )


        open_table_rows_out.additional_properties = d
        return open_table_rows_out

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
