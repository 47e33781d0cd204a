from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.firm_brief_out import FirmBriefOut





T = TypeVar("T", bound="RequestOut")



@_attrs_define
class RequestOut:
    """ 
        Attributes:
            asset (int):
            created_at (datetime.datetime):
            decided_at (datetime.datetime | None):
            decision_reason (str):
            firm (FirmBriefOut): Mix into an output serializer (before ``ModelSerializer``) to render rows without the
                generic walk.
            id (int):
            message (str):
            status (str):
     """

    asset: int
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    decision_reason: str
    firm: FirmBriefOut
    id: int
    message: str
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.firm_brief_out import FirmBriefOut # noqa: PLC0415
        asset = self.asset

        created_at = self.created_at.isoformat()

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decision_reason = self.decision_reason

        firm = self.firm.to_dict()

        id = self.id

        message = self.message

        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asset": asset,
            "created_at": created_at,
            "decided_at": decided_at,
            "decision_reason": decision_reason,
            "firm": firm,
            "id": id,
            "message": message,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.firm_brief_out import FirmBriefOut # noqa: PLC0415
        d = dict(src_dict)
        asset = d.pop("asset")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)



                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))


        decision_reason = d.pop("decision_reason")

        firm = FirmBriefOut.from_dict(d.pop("firm"))




        id = d.pop("id")

        message = d.pop("message")

        status = d.pop("status")

        request_out = cls(
            asset=asset,
            created_at=created_at,
            decided_at=decided_at,
            decision_reason=decision_reason,
            firm=firm,
            id=id,
            message=message,
            status=status,
        )


        request_out.additional_properties = d
        return request_out

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
