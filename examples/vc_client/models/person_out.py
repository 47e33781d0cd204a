from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PersonOut")



@_attrs_define
class PersonOut:
    """ A person; to a partner's API key, their name and e-mail only with their consent (PIPL art. 23, 39).

        Attributes:
            email (str): E-mail address
            id (int):
            withheld (bool): True when the person has not consented to giving their name and e-mail address to this caller
                (a partner's API key; abroad, also to cross-border transfer): both are then empty.
            display_name (str | Unset):
     """

    email: str
    id: int
    withheld: bool
    display_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        id = self.id

        withheld = self.withheld

        display_name = self.display_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "email": email,
            "id": id,
            "withheld": withheld,
        })
        if display_name is not UNSET:
            field_dict["display_name"] = display_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        id = d.pop("id")

        withheld = d.pop("withheld")

        display_name = d.pop("display_name", UNSET)

        person_out = cls(
            email=email,
            id=id,
            withheld=withheld,
            display_name=display_name,
        )


        person_out.additional_properties = d
        return person_out

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
