from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.membership_status_enum import MembershipStatusEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.cluster_brief_out import ClusterBriefOut
  from ..models.firm_brief_out import FirmBriefOut





T = TypeVar("T", bound="MembershipOut")



@_attrs_define
class MembershipOut:
    """ Mix into an output serializer (before ``ModelSerializer``) to render rows without the generic walk.

        Attributes:
            cluster (ClusterBriefOut): Mix into an output serializer (before ``ModelSerializer``) to render rows without the
                generic walk.
            created_at (datetime.datetime): Created
            firm (FirmBriefOut): Mix into an output serializer (before ``ModelSerializer``) to render rows without the
                generic walk.
            id (int):
            message (None | str): The firm's message; only for the firm's people, the cluster's moderators and
                administrators.
            status (MembershipStatusEnum): * `invited` - Invited
                * `applied` - Applied
                * `active` - Member
                * `declined` - Invitation declined
                * `rejected` - Application rejected
                * `withdrawn` - Application withdrawn
                * `left` - Left
                * `removed` - Removed
            updated_at (datetime.datetime): Updated
            joined_at (datetime.datetime | None | Unset): Joined
     """

    cluster: ClusterBriefOut
    created_at: datetime.datetime
    firm: FirmBriefOut
    id: int
    message: None | str
    status: MembershipStatusEnum
    updated_at: datetime.datetime
    joined_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cluster_brief_out import ClusterBriefOut # noqa: PLC0415
        from ..models.firm_brief_out import FirmBriefOut # noqa: PLC0415
        cluster = self.cluster.to_dict()

        created_at = self.created_at.isoformat()

        firm = self.firm.to_dict()

        id = self.id

        message: None | str
        message = self.message

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        joined_at: None | str | Unset
        if isinstance(self.joined_at, Unset):
            joined_at = UNSET
        elif isinstance(self.joined_at, datetime.datetime):
            joined_at = self.joined_at.isoformat()
        else:
            joined_at = self.joined_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cluster": cluster,
            "created_at": created_at,
            "firm": firm,
            "id": id,
            "message": message,
            "status": status,
            "updated_at": updated_at,
        })
        if joined_at is not UNSET:
            field_dict["joined_at"] = joined_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cluster_brief_out import ClusterBriefOut # noqa: PLC0415
        from ..models.firm_brief_out import FirmBriefOut # noqa: PLC0415
        d = dict(src_dict)
        cluster = ClusterBriefOut.from_dict(d.pop("cluster"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        firm = FirmBriefOut.from_dict(d.pop("firm"))




        id = d.pop("id")

        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))


        status = MembershipStatusEnum(d.pop("status"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_joined_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                joined_at_type_0 = datetime.datetime.fromisoformat(data)



                return joined_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        joined_at = _parse_joined_at(d.pop("joined_at", UNSET))


        membership_out = cls(
            cluster=cluster,
            created_at=created_at,
            firm=firm,
            id=id,
            message=message,
            status=status,
            updated_at=updated_at,
            joined_at=joined_at,
        )


        membership_out.additional_properties = d
        return membership_out

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
