from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ip_terms_enum import IpTermsEnum
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="AwardOut")



@_attrs_define
class AwardOut:
    """ 
        Attributes:
            awarded_at (datetime.datetime): Awarded
            entry (int):
            id (int):
            ip_terms (IpTermsEnum): * `assignment` - Assignment: the sponsor owns the winning design
                * `exclusive` - Exclusive licence to the sponsor
                * `non_exclusive` - Non-exclusive licence to the sponsor
            amount (None | str | Unset): Amount (CNY)
            asset (int | None | Unset): Knowledge asset
            brief_asset (int | None | Unset): Brief as an asset
            non_monetary (str | Unset): Non-monetary award
     """

    awarded_at: datetime.datetime
    entry: int
    id: int
    ip_terms: IpTermsEnum
    amount: None | str | Unset = UNSET
    asset: int | None | Unset = UNSET
    brief_asset: int | None | Unset = UNSET
    non_monetary: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        awarded_at = self.awarded_at.isoformat()

        entry = self.entry

        id = self.id

        ip_terms = self.ip_terms.value

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        asset: int | None | Unset
        if isinstance(self.asset, Unset):
            asset = UNSET
        else:
            asset = self.asset

        brief_asset: int | None | Unset
        if isinstance(self.brief_asset, Unset):
            brief_asset = UNSET
        else:
            brief_asset = self.brief_asset

        non_monetary = self.non_monetary


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "awarded_at": awarded_at,
            "entry": entry,
            "id": id,
            "ip_terms": ip_terms,
        })
        if amount is not UNSET:
            field_dict["amount"] = amount
        if asset is not UNSET:
            field_dict["asset"] = asset
        if brief_asset is not UNSET:
            field_dict["brief_asset"] = brief_asset
        if non_monetary is not UNSET:
            field_dict["non_monetary"] = non_monetary

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        awarded_at = datetime.datetime.fromisoformat(d.pop("awarded_at"))




        entry = d.pop("entry")

        id = d.pop("id")

        ip_terms = IpTermsEnum(d.pop("ip_terms"))




        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))


        def _parse_asset(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        asset = _parse_asset(d.pop("asset", UNSET))


        def _parse_brief_asset(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        brief_asset = _parse_brief_asset(d.pop("brief_asset", UNSET))


        non_monetary = d.pop("non_monetary", UNSET)

        award_out = cls(
            awarded_at=awarded_at,
            entry=entry,
            id=id,
            ip_terms=ip_terms,
            amount=amount,
            asset=asset,
            brief_asset=brief_asset,
            non_monetary=non_monetary,
        )


        award_out.additional_properties = d
        return award_out

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
