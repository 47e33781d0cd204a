from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role_enum import RoleEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.person_out import PersonOut





T = TypeVar("T", bound="FirmMemberOut")



@_attrs_define
class FirmMemberOut:
    """ 
        Attributes:
            id (int):
            joined_at (datetime.datetime): Joined
            user (PersonOut): A person; to a partner's API key, their name and e-mail only with their consent (PIPL art. 23,
                39).
            role (RoleEnum | Unset): * `owner` - Owner
                * `admin` - Administrator
                * `member` - Member
            title (str | Unset): Job title
     """

    id: int
    joined_at: datetime.datetime
    user: PersonOut
    role: RoleEnum | Unset = UNSET
    title: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.person_out import PersonOut # noqa: PLC0415
        id = self.id

        joined_at = self.joined_at.isoformat()

        user = self.user.to_dict()

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value


        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "joined_at": joined_at,
            "user": user,
        })
        if role is not UNSET:
            field_dict["role"] = role
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_out import PersonOut # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        joined_at = datetime.datetime.fromisoformat(d.pop("joined_at"))




        user = PersonOut.from_dict(d.pop("user"))




        _role = d.pop("role", UNSET)
        role: RoleEnum | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = RoleEnum(_role)




        title = d.pop("title", UNSET)

        firm_member_out = cls(
            id=id,
            joined_at=joined_at,
            user=user,
            role=role,
            title=title,
        )


        firm_member_out.additional_properties = d
        return firm_member_out

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
