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
  from ..models.firm_brief_out import FirmBriefOut





T = TypeVar("T", bound="InvitationOut")



@_attrs_define
class InvitationOut:
    """ 
        Attributes:
            created_at (datetime.datetime): Created
            email (str): E-mail address
            firm (FirmBriefOut): Mix into an output serializer (before ``ModelSerializer``) to render rows without the
                generic walk.
            id (int):
            expires_at (datetime.datetime | Unset): Expires
            role (RoleEnum | Unset): * `owner` - Owner
                * `admin` - Administrator
                * `member` - Member
     """

    created_at: datetime.datetime
    email: str
    firm: FirmBriefOut
    id: int
    expires_at: datetime.datetime | Unset = UNSET
    role: RoleEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.firm_brief_out import FirmBriefOut # noqa: PLC0415
        created_at = self.created_at.isoformat()

        email = self.email

        firm = self.firm.to_dict()

        id = self.id

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "email": email,
            "firm": firm,
            "id": id,
        })
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.firm_brief_out import FirmBriefOut # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        email = d.pop("email")

        firm = FirmBriefOut.from_dict(d.pop("firm"))




        id = d.pop("id")

        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at,  Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)




        _role = d.pop("role", UNSET)
        role: RoleEnum | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = RoleEnum(_role)




        invitation_out = cls(
            created_at=created_at,
            email=email,
            firm=firm,
            id=id,
            expires_at=expires_at,
            role=role,
        )


        invitation_out.additional_properties = d
        return invitation_out

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
