from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.co_ownership_request_out_status_enum import CoOwnershipRequestOutStatusEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.firm_brief_out import FirmBriefOut





T = TypeVar("T", bound="CoOwnershipRequestOut")



@_attrs_define
class CoOwnershipRequestOut:
    """ 
        Attributes:
            asset (int):
            asset_title (str):
            created_at (datetime.datetime): Requested
            firm (FirmBriefOut): Mix into an output serializer (before ``ModelSerializer``) to render rows without the
                generic walk.
            from_firm (FirmBriefOut): Mix into an output serializer (before ``ModelSerializer``) to render rows without the
                generic walk.
            id (int):
            share (str):
            decided_at (datetime.datetime | None | Unset): Decided
            status (CoOwnershipRequestOutStatusEnum | Unset): * `pending` - Pending
                * `accepted` - Accepted
                * `declined` - Declined
                * `withdrawn` - Withdrawn Default: CoOwnershipRequestOutStatusEnum.PENDING.
     """

    asset: int
    asset_title: str
    created_at: datetime.datetime
    firm: FirmBriefOut
    from_firm: FirmBriefOut
    id: int
    share: str
    decided_at: datetime.datetime | None | Unset = UNSET
    status: CoOwnershipRequestOutStatusEnum | Unset = CoOwnershipRequestOutStatusEnum.PENDING
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.firm_brief_out import FirmBriefOut # noqa: PLC0415
        asset = self.asset

        asset_title = self.asset_title

        created_at = self.created_at.isoformat()

        firm = self.firm.to_dict()

        from_firm = self.from_firm.to_dict()

        id = self.id

        share = self.share

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asset": asset,
            "asset_title": asset_title,
            "created_at": created_at,
            "firm": firm,
            "from_firm": from_firm,
            "id": id,
            "share": share,
        })
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.firm_brief_out import FirmBriefOut # noqa: PLC0415
        d = dict(src_dict)
        asset = d.pop("asset")

        asset_title = d.pop("asset_title")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        firm = FirmBriefOut.from_dict(d.pop("firm"))




        from_firm = FirmBriefOut.from_dict(d.pop("from_firm"))




        id = d.pop("id")

        share = d.pop("share")

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)



                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))


        _status = d.pop("status", UNSET)
        status: CoOwnershipRequestOutStatusEnum | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = CoOwnershipRequestOutStatusEnum(_status)




        co_ownership_request_out = cls(
            asset=asset,
            asset_title=asset_title,
            created_at=created_at,
            firm=firm,
            from_firm=from_firm,
            id=id,
            share=share,
            decided_at=decided_at,
            status=status,
        )


        co_ownership_request_out.additional_properties = d
        return co_ownership_request_out

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
